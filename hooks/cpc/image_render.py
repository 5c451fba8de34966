"""Photos from staff turned into renditions (issue 16): upright, sRGB,
small, and without metadata.

- `render` turns one photo into renditions for one layout slot, in a cache
  keyed by the photo's bytes and the settings: a rebuild re-encodes nothing.
- `write` copies a rendered picture's files into the site.

Formats and qualities were chosen by `scripts/measure_images.py` on a real
4000x3000 photo: AVIF for browsers that take it (nearly all), JPEG for the
rest. WebP was measured too: see the comment above `AVIF` below.

A plain module: nothing here knows MkDocs or keeps state between calls.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps

from cpc import image_inspect, media_types

# Bump to re-encode every photo (it is part of the cache key and file names).
PIPELINE_VERSION = "1"

@dataclass(frozen=True)
class Slot:
    """Where a picture shows. Widths are the renditions made for it; `sizes`
    is the <img sizes> text (CSS px), `min_width` the narrowest upload that
    still fills it sharply at DPR 1."""
    name: str
    widths: tuple[int, ...]
    sizes: str
    min_width: int


# Lead image in a post, in the text column: at most 40rem wide (cpc.css; rem
# is 20 px, 22 px from 1600 px, 24 px from 2000 px), full width less 32 px on
# a phone. 1170 serves a 390 px phone at DPR 3 and the desktop column at DPR
# 1.5; 1600 serves it at DPR 2.
LEAD = Slot(
    name="lead",
    widths=(480, 800, 1170, 1600),
    sizes="(min-width: 2000px) 960px, (min-width: 1600px) 880px, (min-width: 832px) 800px, calc(100vw - 32px)",
    min_width=760,
)
# Thumbnails in news lists, the home page's news and beside events: 160 CSS px
# at DPR 1 to 3.
THUMBNAIL = Slot(name="thumbnail", widths=(160, 320, 480), sizes="160px", min_width=160)
SLOTS = (LEAD, THUMBNAIL)

OG_SIZE = (1200, 630)

# Renditions this wide fill a phone's column at DPR 1.75 or more, or a desktop
# column: a post's largest element. At the lower quality their bytes keep the
# photo post's LCP within 1.6 x the home page's on a mobile connection (make
# bench: 800 px is 72 KiB at q40-42 against 124 KiB at q55), where a pixel is
# too small to show the smoothing. Smaller renditions are thumbnails.
HIGH_DPR_WIDTH = 700


@dataclass(frozen=True)
class Encoding:
    mime: str
    pillow_format: str
    suffix: str
    options: tuple[tuple[str, object], ...]            # below HIGH_DPR_WIDTH
    high_dpr_options: tuple[tuple[str, object], ...]   # at or above it

    def options_for(self, width: int) -> dict[str, object]:
        return dict(self.high_dpr_options if width >= HIGH_DPR_WIDTH else self.options)


# Measured on the fixture photo (scripts/measure_images.py): at the same
# SSIM, WebP needs about the bytes AVIF does and JPEG ~40 % more; by eye, at
# those bytes AVIF keeps edges clean where WebP blurs and blotches and JPEG
# shows blocks. The few browsers without AVIF get JPEG: a WebP tier would add
# encode time and files for little. AVIF speed 9 is ~4x faster than 8 for
# ~6 % more bytes: used for the large renditions, which dominate the time.
AVIF = Encoding("image/avif", "AVIF", "avif",
                options=(("quality", 55), ("speed", 8), ("subsampling", "4:2:0")),
                high_dpr_options=(("quality", 42), ("speed", 9), ("subsampling", "4:2:0")))
JPEG = Encoding("image/jpeg", "JPEG", "jpg",
                options=(("quality", 75), ("optimize", True), ("progressive", True), ("subsampling", "4:2:0")),
                high_dpr_options=(("quality", 65), ("optimize", True), ("progressive", True),
                                  ("subsampling", "4:2:0")))
MODERN_ENCODINGS = (AVIF,)   # best first, each a <source>
FALLBACK_ENCODING = JPEG     # the <img> itself
OG_QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    path: str      # site-relative POSIX path, e.g. "nyheter/foto.1a2b3c4d.800.avif"
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Picture:
    source: str                     # docs-relative path of the upload
    width: int                      # upright size of the upload
    height: int
    sources: tuple[tuple[str, tuple[Rendition, ...]], ...]  # (mime, renditions), best first
    fallback: tuple[Rendition, ...]  # JPEG
    og: Rendition | None
    cache_entry: str                # folder in the cache holding the files

    def renditions(self) -> tuple[Rendition, ...]:
        every = [r for _, group in self.sources for r in group] + list(self.fallback)
        return tuple(every + ([self.og] if self.og else []))


def sizes_attribute(slot: Slot) -> str:
    return slot.sizes


def srcset(renditions: tuple[Rendition, ...], prefix: str = "") -> str:
    """`srcset` text; prefix turns site paths into page-relative URLs."""
    return ", ".join(f"{prefix}{r.path} {r.width}w" for r in renditions)


def _slug(stem: str) -> str:
    """File-name part that needs no URL escaping: æ/ø/å folded, spaces to -."""
    folded = stem.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "bilde"


def _settings(widths: tuple[int, ...], og: bool) -> str:
    """Everything besides the source bytes that shapes the output."""
    encodings = [(e.pillow_format, e.options, e.high_dpr_options)
                 for e in (*MODERN_ENCODINGS, FALLBACK_ENCODING)]
    return json.dumps([PIPELINE_VERSION, sorted(set(widths)), og, OG_SIZE, OG_QUALITY,
                       HIGH_DPR_WIDTH, encodings], default=str)


def cache_key(source_bytes: bytes, widths: tuple[int, ...], og: bool) -> str:
    digest = hashlib.sha256(source_bytes)
    digest.update(_settings(widths, og).encode())
    return digest.hexdigest()


def rendition_widths(upright_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Requested widths below the photo's own width, plus the photo's own
    width when a larger one was asked for: never upscaled."""
    kept = {w for w in widths if w < upright_width}
    if any(w >= upright_width for w in widths):
        kept.add(upright_width)
    return tuple(sorted(kept))


def _normalized(image: Image.Image) -> Image.Image:
    """RGB, or RGBA when some pixel is see-through; sRGB by the embedded ICC
    profile; a fresh image, so nothing of the upload's metadata rides along."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    target = "RGBA" if has_alpha else "RGB"
    converted = None
    if icc:
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            in_mode = image.mode if image.mode in ("RGB", "RGBA", "CMYK", "L") else target
            working = image if image.mode == in_mode else image.convert(in_mode)
            out_mode = "RGBA" if in_mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(
                working, source_profile, ImageCms.createProfile("sRGB"),
                renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC, outputMode=out_mode,
                flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a broken profile: the pixels are taken as sRGB
    image = converted if converted is not None else image.convert(target)
    if image.mode != target:
        image = image.convert(target)
    if target == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _opaque(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: lay the picture on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def encode_rendition(image: Image.Image, encoding: Encoding, options: dict[str, object],
                     destination: Path) -> None:
    """Write one rendition with nothing but pixels: no EXIF, XMP, ICC or
    comment is passed, and the image has no info to inherit them from."""
    if encoding.pillow_format == "JPEG":
        image = _opaque(image)
    image.save(destination, encoding.pillow_format, **options)


def _resized(image: Image.Image, width: int, upright: tuple[int, int]) -> Image.Image:
    if width == image.width:
        return image
    height = max(1, round(upright[1] * width / upright[0]))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _og_crop(image: Image.Image) -> Image.Image:
    """The centre of the picture at 1200x630, or smaller at that shape if the
    upload is smaller: never upscaled."""
    scale = min(1.0, image.width / OG_SIZE[0], image.height / OG_SIZE[1])
    size = (max(1, round(OG_SIZE[0] * scale)), max(1, round(OG_SIZE[1] * scale)))
    return ImageOps.fit(_opaque(image), size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))


def _load_manifest(entry: Path) -> dict | None:
    try:
        manifest = json.loads((entry / "picture.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    names = [r["name"] for group in manifest["groups"] for r in group["renditions"]]
    names += [manifest["og"]["name"]] if manifest.get("og") else []
    return manifest if all((entry / n).is_file() for n in names) else None


def _picture(source: str, entry_name: str, manifest: dict) -> Picture:
    folder = PurePosixPath(source).parent

    def rendition(r: dict, mime: str) -> Rendition:
        return Rendition(path=str(folder / r["name"]), width=r["width"], height=r["height"], mime=mime)

    groups = [(g["mime"], tuple(rendition(r, g["mime"]) for r in g["renditions"]))
              for g in manifest["groups"]]
    og = rendition(manifest["og"], "image/jpeg") if manifest.get("og") else None
    return Picture(source=source, width=manifest["width"], height=manifest["height"],
                   sources=tuple(groups[:-1]), fallback=groups[-1][1], og=og, cache_entry=entry_name)


def render(path: Path, source: str, widths: tuple[int, ...], cache_dir: Path, og: bool = False) -> Picture:
    """Renditions of one upload for one slot (`widths`, e.g. LEAD.widths),
    plus the og:image crop when asked. Cached by the upload's bytes and the
    settings; the file names carry that key, so they can be cached forever.
    Raises ImageRejected for an upload inspect() refuses."""
    source_bytes = path.read_bytes()
    key = cache_key(source_bytes, widths, og)
    stem = _slug(PurePosixPath(source).stem)
    entry_name = f"{stem}.{key}"
    entry = cache_dir / entry_name
    manifest = _load_manifest(entry)
    if manifest is not None:
        return _picture(source, entry_name, manifest)

    opened, problem = image_inspect.open_verified(path, source, wanted_width=max(widths))
    if problem:
        raise media_types.ImageRejected(problem)
    assert opened is not None
    full_size = opened.upright
    with opened.image as decoded:
        upright = ImageOps.exif_transpose(decoded)
        # Draft mode may have decoded smaller than the upload: never beyond it.
        keep = rendition_widths(full_size[0], widths)
        keep = tuple(w for w in keep if w <= upright.width) or (upright.width,)
        # Colour conversion and every later step work on the largest
        # rendition, not the 12 MP upload: the same pixels for a third of
        # the time.
        largest = _normalized(_resized(upright, max(keep), full_size))

    cache_dir.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{entry_name}.", dir=cache_dir))
    try:
        short = key[:8]
        images = {width: _resized(largest, width, full_size) for width in keep}
        groups = []
        for encoding in (*MODERN_ENCODINGS, FALLBACK_ENCODING):
            renditions = []
            for width in sorted(images):
                name = f"{stem}.{short}.{width}.{encoding.suffix}"
                encode_rendition(images[width], encoding, encoding.options_for(width), building / name)
                renditions.append({"name": name, "width": width, "height": images[width].height})
            groups.append({"mime": encoding.mime, "renditions": renditions})
        og_entry = None
        if og:
            crop = _og_crop(largest)
            name = f"{stem}.{short}.og.jpg"
            encode_rendition(crop, FALLBACK_ENCODING, {**FALLBACK_ENCODING.options_for(0), "quality": OG_QUALITY},
                             building / name)
            og_entry = {"name": name, "width": crop.width, "height": crop.height}
        manifest = {"source_sha256": hashlib.sha256(source_bytes).hexdigest(),
                    "width": full_size[0], "height": full_size[1], "groups": groups, "og": og_entry}
        # The manifest is written last: an entry without one was never finished.
        (building / "picture.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if entry.exists() and _load_manifest(entry) is None:
            shutil.rmtree(entry, ignore_errors=True)   # left unfinished or damaged
        try:
            os.replace(building, entry)
        except OSError:
            if _load_manifest(entry) is None:
                raise
            shutil.rmtree(building, ignore_errors=True)  # another build finished it first
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return _picture(source, entry_name, manifest)


def write(picture: Picture, cache_dir: Path, site_dir: Path) -> None:
    """Copy a rendered picture's files from the cache into the site."""
    entry = cache_dir / picture.cache_entry
    for rendition in picture.renditions():
        destination = site_dir / rendition.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(entry / PurePosixPath(rendition.path).name, destination)

"""Photos from staff: upright, sRGB, small, and without metadata (issue 16).

A plain module: the build and `make check` call it; nothing here knows MkDocs
or keeps state between calls.

- `inspect` is the cheap check (header, full parse, upright size) that both
  `make check` and the build run, so they report the same problems.
- `render` turns one photo into renditions for one layout slot, in a cache
  keyed by the photo's bytes and the settings: a rebuild re-encodes nothing.
- `write` copies a rendered picture's files into the site.
- `strip_check` names any metadata left in a published file.

Formats and qualities were chosen by `scripts/measure_images.py` on a real
4000x3000 photo: AVIF for browsers that take it (nearly all), JPEG for the
rest. WebP was measured too: see the comment above `AVIF` below.
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

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Bump to re-encode every photo (it is part of the cache key and file names).
PIPELINE_VERSION = "1"

# Suffixes the step processes. Everything else that looks like a picture is
# refused with a message (see OTHER_IMAGE_SUFFIXES); SVG passes through.
RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif"})
HEIF_SUFFIXES = frozenset({".heic", ".heif"})
OTHER_IMAGE_SUFFIXES = frozenset({".bmp", ".gif", ".tif", ".tiff", ".jxl", ".jp2", ".ico", ".psd",
                                  ".dng", ".raw", ".cr2", ".nef", ".arw"})
# What the bytes must turn out to be. Phones write multi-picture JPEGs (MPO).
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "AVIF", "HEIF"})
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs",
                         b"mif1", b"msf1"})


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


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int     # upright
    height: int


@dataclass(frozen=True)
class ImageProblem:
    kind: str      # missing | unsupported | corrupt | heic_unreadable | too_small
    level: str     # error | warning
    nb: str
    en: str


class ImageRejected(Exception):
    """render() met a photo that inspect() would have refused."""

    def __init__(self, problem: ImageProblem):
        super().__init__(problem.en)
        self.problem = problem


def is_raster(name: str) -> bool:
    """True for anything the image step must handle or refuse; False for SVG
    (left as it is) and non-images."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in RASTER_SUFFIXES or suffix in OTHER_IMAGE_SUFFIXES


def sizes_attribute(slot: Slot) -> str:
    return slot.sizes


def srcset(renditions: tuple[Rendition, ...], prefix: str = "") -> str:
    """`srcset` text; prefix turns site paths into page-relative URLs."""
    return ", ".join(f"{prefix}{r.path} {r.width}w" for r in renditions)


# ---------------------------------------------------------------- problems

def _missing(label: str, variant: str | None) -> ImageProblem:
    if variant:
        return ImageProblem(
            "missing", "error",
            nb=f"Finner ikke bildet «{label}». Det som finnes, heter «{variant}». Skriv navnet med "
               "nøyaktig de samme store og små bokstavene som filen har.",
            en=f"The image \"{label}\" was not found. What exists is called \"{variant}\". Write the "
               "name with exactly the same capital and small letters as the file.")
    return ImageProblem(
        "missing", "error",
        nb=f"Finner ikke bildet «{label}». Sjekk at bildet er lastet opp, og at navnet er skrevet "
           "likt, med samme store og små bokstaver.",
        en=f"The image \"{label}\" was not found. Check that it is uploaded and that the name is "
           "spelt the same, with the same capital and small letters.")


def _unsupported(label: str, found: str | None) -> ImageProblem:
    if found:
        return ImageProblem(
            "unsupported", "error",
            nb=f"«{label}» er et {found}-bilde, og det formatet kan ikke brukes på nettsidene. "
               "Lagre bildet som JPEG eller PNG og last det opp på nytt.",
            en=f"\"{label}\" is a {found} image, a format the website cannot use. Save the picture "
               "as JPEG or PNG and upload it again.")
    return ImageProblem(
        "unsupported", "error",
        nb=f"«{label}» er ikke et bilde vi kan lese, selv om navnet ser slik ut. Last opp bildet "
           "som JPEG eller PNG, slik det kom fra telefonen eller kameraet.",
        en=f"\"{label}\" is not an image we can read, even though its name looks like one. Upload "
           "the picture as JPEG or PNG, as it came from the phone or camera.")


def _corrupt(label: str) -> ImageProblem:
    return ImageProblem(
        "corrupt", "error",
        nb=f"Bildet «{label}» er skadet eller bare delvis lastet opp, og kan ikke leses. Last det "
           "opp på nytt fra telefonen eller kameraet.",
        en=f"The image \"{label}\" is damaged or only partly uploaded, and cannot be read. Upload "
           "it again from the phone or camera.")


def _heic_unreadable(label: str) -> ImageProblem:
    return ImageProblem(
        "heic_unreadable", "error",
        nb=f"«{label}» er et HEIC-bilde (iPhone-formatet), og det kan ikke leses her. Lagre bildet "
           "som JPEG og last det opp på nytt: på iPhone, velg Innstillinger > Kamera > Formater > "
           "Mest kompatibel før du tar bildet, eller del eller eksporter bildet som JPEG.",
        en=f"\"{label}\" is a HEIC image (the iPhone format), and it cannot be read here. Save the "
           "picture as JPEG and upload it again: on an iPhone, choose Settings > Camera > Formats "
           "> Most Compatible before taking the photo, or share or export it as JPEG.")


def _too_small(label: str, width: int, min_width: int) -> ImageProblem:
    return ImageProblem(
        "too_small", "warning",
        nb=f"Bildet «{label}» er bare {width} piksler bredt, men plassen det skal fylle, trenger "
           f"minst {min_width}, så det vil se uskarpt ut. Bruk originalbildet fra telefonen eller "
           "kameraet om du har det.",
        en=f"The image \"{label}\" is only {width} pixels wide, but the space it fills needs at "
           f"least {min_width}, so it will look blurred. Use the original photo from the phone or "
           "camera if you have it.")


# ----------------------------------------------------------------- inspect

def _case_exact_lookup(path: Path) -> tuple[bool, str | None]:
    """(exists with exactly this spelling, the spelling on disk if only the
    case differs). Compares directory listings, so a case-insensitive file
    system (macOS, Windows) cannot hide a wrong case that breaks on Linux."""
    parts = path.absolute().parts
    current = Path(parts[0])
    for part in parts[1:]:
        try:
            names = os.listdir(current)
        except OSError:
            return False, None
        if part not in names:
            variant = next((n for n in names if n.casefold() == part.casefold()), None)
            return False, variant
        current = current / part
    return current.is_file(), None


def _is_heif(head: bytes) -> bool:
    """By content, not name: phones and transfers rename files both ways."""
    if head[4:8] != b"ftyp":
        return False
    major, compatible = head[8:12], head[16:64]
    if major in (b"avif", b"avis") or (major == b"mif1" and b"avif" in compatible):
        return False
    return major in HEIF_BRANDS


def _open_heif(path: Path) -> Image.Image:
    """Decode HEIC/HEIF with pillow-heif without registering it in Pillow
    (a process-wide change). libheif applies the HEIF rotation itself."""
    import pillow_heif  # optional at import time: a missing reader is a message, not a crash
    heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
    image = heif.to_pillow()
    image.info.pop("original_orientation", None)
    return image


def _upright_size(image: Image.Image) -> tuple[int, int]:
    orientation = image.getexif().get(0x0112, 1)
    return (image.height, image.width) if orientation in (5, 6, 7, 8) else image.size


@dataclass(frozen=True)
class _Opened:
    image: Image.Image
    upright: tuple[int, int]   # full upright size, whatever draft mode decoded


def _open_verified(path: Path, label: str, wanted_width: int | None
                   ) -> tuple[_Opened | None, ImageProblem | None]:
    """Open and fully decode (so truncation is caught). For JPEG, draft mode
    decodes at the smallest DCT scale (down to 1/8) still >= wanted_width:
    every block is still parsed, for a fraction of the work."""
    with path.open("rb") as handle:
        head = handle.read(64)
    if _is_heif(head):
        try:
            image = _open_heif(path)
            image.load()
        except Exception:  # noqa: BLE001 -- any failure of the reader means the same to staff
            return None, _heic_unreadable(label)
        return _Opened(image, image.size), None
    try:
        image = Image.open(path)
    except UnidentifiedImageError:
        if path.suffix.lower() in HEIF_SUFFIXES:
            return None, _heic_unreadable(label)
        return None, _unsupported(label, None)
    except (OSError, SyntaxError, ValueError):
        return None, _corrupt(label)
    if image.format not in ACCEPTED_FORMATS:
        found = image.format
        image.close()
        return None, _unsupported(label, found)
    try:
        upright = _upright_size(image)
        if image.format in ("JPEG", "MPO") and wanted_width is not None and wanted_width < upright[0]:
            wanted = (wanted_width, max(1, upright[1] * wanted_width // upright[0]))
            image.draft(None, wanted if upright == image.size else wanted[::-1])
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        image.close()
        return None, _corrupt(label)
    return _Opened(image, upright), None


def inspect(path: Path, label: str, min_width: int, cache_dir: Path | None = None
            ) -> tuple[ImageInfo | None, list[ImageProblem]]:
    """Cheap check of one upload: exists (case-exact), is an image we take,
    decodes completely, and is wide enough (a warning otherwise). `label` is
    how messages name the file, e.g. "nyheter/foto.jpg". With `cache_dir`, an
    upload that passed once is not decoded again (keyed by its bytes)."""
    exists, variant = _case_exact_lookup(path)
    if not exists:
        return None, [_missing(label, variant)]
    if path.suffix.lower() in OTHER_IMAGE_SUFFIXES:
        return None, [_unsupported(label, path.suffix.lstrip(".").upper())]
    passed = cache_dir / "inspected" / f"{hashlib.sha256(path.read_bytes()).hexdigest()}.json" if cache_dir else None
    if passed and passed.is_file():
        info = ImageInfo(**json.loads(passed.read_text(encoding="utf-8")))
    else:
        opened, problem = _open_verified(path, label, wanted_width=1)
        if problem:
            return None, [problem]
        assert opened is not None
        with opened.image as image:
            width, height = opened.upright
            info = ImageInfo(format=image.format or "HEIF", width=width, height=height)
        if passed:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.write_text(json.dumps(info.__dict__), encoding="utf-8")
    problems = [_too_small(label, info.width, min_width)] if info.width < min_width else []
    return info, problems


# ------------------------------------------------------------------ render

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

    opened, problem = _open_verified(path, source, wanted_width=max(widths))
    if problem:
        raise ImageRejected(problem)
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


# ------------------------------------------------------------- strip check

# Byte signatures of metadata blocks, long enough never to occur by chance
# in compressed pixels.
_SIGNATURES = (
    (b"Exif\x00\x00", "EXIF block"),
    (b"<x:xmpmeta", "XMP packet"),
    (b"http://ns.adobe.com/xap/1.0/", "XMP packet"),
    (b"Photoshop 3.0\x00", "IPTC/Photoshop block"),
    (b"8BIM\x04\x04", "IPTC/Photoshop block"),
    (b"ICC_PROFILE\x00", "ICC profile"),
)


def strip_check(path: Path) -> list[str]:
    """Names of metadata still in a published file: position, camera data,
    capture time, XMP, IPTC, ICC profile, comment. Empty when clean. Our
    renditions carry no ICC profile at all (sRGB is the web's default), so
    any profile means the file did not come through render()."""
    data = path.read_bytes()
    found: list[str] = []

    def note(what: str) -> None:
        if what not in found:
            found.append(what)

    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError):
        image = None
    if image is not None:
        with image:
            exif = image.getexif()
            if exif.get_ifd(0x8825) or 0x8825 in exif:
                note("GPS position (EXIF)")
            if any(tag in exif for tag in (0x010F, 0x0110, 0xA433, 0xA434)):
                note("camera make or model (EXIF)")
            if exif.get_ifd(0x8769) or 0x8769 in exif:
                note("camera settings, capture time or maker notes (EXIF)")
            if len(exif):
                note("EXIF")
            info = image.info
            if info.get("xmp") or info.get("XML:com.adobe.xmp"):
                note("XMP packet")
            if info.get("photoshop") or info.get("iptc"):
                note("IPTC/Photoshop block")
            if info.get("icc_profile"):
                note("ICC profile" + _icc_device(info["icc_profile"]))
            if info.get("comment"):
                note("comment")
            for marker, _ in getattr(image, "applist", []):
                if marker in ("APP1", "APP2", "APP12", "APP13", "COM"):
                    note(f"JPEG {marker} segment")
    for signature, what in _SIGNATURES:
        if signature in data and not any(f.startswith(what) for f in found):
            note(what)
    return found


def _icc_device(icc: bytes) -> str:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile
    except (ImageCms.PyCMSError, OSError, ValueError):
        return ""
    maker, model = (profile.manufacturer or "").strip(), (profile.model or "").strip()
    device = model if maker and model.startswith(maker) else f"{maker} {model}".strip()
    return f" (device: {device})" if device else ""


# --- Committed uploads: position and serial number (issue 26) -------------
# The site never publishes an upload, but the repository is public. The
# editor re-encodes photos before committing them (cms.py); a photo added
# through Git still carries what the phone wrote. These two are what `make
# check` refuses; the rest (make, model, ICC) the published renditions drop.
GPS_POSITION_TAGS = (0x0002, 0x0004)      # GPSLatitude, GPSLongitude
SERIAL_NUMBER_TAGS = (0xA431, 0xA435)     # BodySerialNumber, LensSerialNumber
XMP_POSITION = re.compile(rb"GPS(?:Latitude|Longitude)")
XMP_SERIAL = re.compile(rb"SerialNumber")


def _exif_and_xmp(path: Path) -> tuple[Image.Exif, bytes]:
    """The file's EXIF and XMP, read from its header (pixels are not decoded)."""
    exif = Image.Exif()
    with path.open("rb") as handle:
        head = handle.read(64)
    if _is_heif(head):
        import pillow_heif
        info = pillow_heif.open_heif(path).info
        if info.get("exif"):
            exif.load(info["exif"])
        xmp = info.get("xmp") or b""
    else:
        with Image.open(path) as image:
            exif = image.getexif()
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return exif, xmp.encode("utf-8") if isinstance(xmp, str) else xmp


def position_or_serial_number(path: Path) -> list[str]:
    """What a raster file says about where it was taken ("position") or by
    which camera ("serial number"): EXIF GPS, body or lens serial, or the
    same in XMP. Empty when it says neither, or cannot be read (inspect()
    reports unreadable files)."""
    try:
        exif, xmp = _exif_and_xmp(path)
    except Exception:  # noqa: BLE001 -- an unreadable file is inspect()'s message, not this one
        return []
    gps, camera = exif.get_ifd(0x8825), exif.get_ifd(0x8769)
    found = []
    if any(tag in gps for tag in GPS_POSITION_TAGS) or XMP_POSITION.search(xmp):
        found.append("position")
    if any(tag in camera or tag in exif for tag in SERIAL_NUMBER_TAGS) or XMP_SERIAL.search(xmp):
        found.append("serial number")
    return found


def strip_metadata_in_place(path: Path) -> None:
    """Rewrite a photo with its pixels only: upright, sRGB, no EXIF, XMP,
    IPTC, ICC profile or comment; same name and format (`make strip-photos`)."""
    with path.open("rb") as handle:
        heif = _is_heif(handle.read(64))
    image = _open_heif(path) if heif else Image.open(path)
    with image:
        image.load()
        clean = _normalized(ImageOps.exif_transpose(image) if not heif else image)
        kind = "HEIF" if heif else image.format
    if heif:
        import pillow_heif
        pillow_heif.from_pillow(clean).save(path, quality=90)
    elif kind in ("JPEG", "MPO"):
        _opaque(clean).save(path, "JPEG", quality=92)
    else:
        clean.save(path, kind, **({"quality": 90} if kind in ("WEBP", "AVIF") else {}))

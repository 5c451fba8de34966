"""Photos from staff, checked cheaply (issue 16): the upload exists with
this exact name, is an image we take, decodes completely, and is wide
enough for its place. `make check` and the build both call `inspect`, so
they report the same problems (media_types.py words them).

A plain module: nothing here knows MkDocs or keeps state between calls.
"""
from __future__ import annotations

import hashlib
import json
import os
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cpc import media_types

HEIF_SUFFIXES = frozenset({".heic", ".heif"})
# The largest photo the image step decodes: a phone's 108-megapixel mode.
# Pillow's own guard (a warning from 89, an error from 179 megapixels) is
# replaced by this one, which tells staff what to do.
MAX_PIXELS = 120_000_000
# What the bytes must turn out to be. Phones write multi-picture JPEGs (MPO).
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "AVIF", "HEIF"})
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs",
                         b"mif1", b"msf1"})


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int     # upright
    height: int


def _case_exact_lookup(path: Path) -> tuple[Path | None, str | None]:
    """(the file as it is on disk, if it exists with exactly this spelling;
    the spelling on disk if only the case differs). Compares directory
    listings, so a case-insensitive file system (macOS, Windows) cannot hide
    a wrong case that breaks on Linux. A name a Mac decomposed (NFD) is the
    same name as the one typed (NFC)."""
    parts = Path(os.path.normpath(path.absolute())).parts
    current = Path(parts[0])
    for part in parts[1:]:
        try:
            names = os.listdir(current)
        except OSError:
            return None, None
        if part not in names:
            composed = unicodedata.normalize("NFC", part)
            same = next((n for n in names if unicodedata.normalize("NFC", n) == composed), None)
            if same is None:
                variant = next((n for n in names if n.casefold() == part.casefold()), None)
                return None, variant
            part = same
        current = current / part
    return (current, None) if current.is_file() else (None, None)


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


class TooLarge(Exception):
    def __init__(self, size: tuple[int, int] | None):
        super().__init__(size)
        self.size = size


def open_image(path) -> Image.Image:
    """Image.open, lazily as it is, for photos up to MAX_PIXELS; larger ones
    raise TooLarge before their pixels are decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except Image.DecompressionBombError:
            raise TooLarge(None) from None
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise TooLarge(image.size)
    return image


def open_verified(path: Path, label: str, wanted_width: int | None
                   ) -> tuple[_Opened | None, media_types.ImageProblem | None]:
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
            return None, media_types.heic_unreadable(label)
        return _Opened(image, image.size), None
    try:
        image = open_image(path)
    except TooLarge as error:
        return None, media_types.too_large_image(label, error.size, MAX_PIXELS)
    except UnidentifiedImageError:
        if path.suffix.lower() in HEIF_SUFFIXES:
            return None, media_types.heic_unreadable(label)
        return None, media_types.unsupported_image(label, None)
    except (OSError, SyntaxError, ValueError):
        return None, media_types.corrupt_image(label)
    if image.format not in ACCEPTED_FORMATS:
        found = image.format
        image.close()
        return None, media_types.unsupported_image(label, found)
    try:
        upright = _upright_size(image)
        if image.format in ("JPEG", "MPO") and wanted_width is not None and wanted_width < upright[0]:
            wanted = (wanted_width, max(1, upright[1] * wanted_width // upright[0]))
            image.draft(None, wanted if upright == image.size else wanted[::-1])
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        image.close()
        return None, media_types.corrupt_image(label)
    return _Opened(image, upright), None


def inspect(path: Path, label: str, min_width: int, cache_dir: Path | None = None
            ) -> tuple[ImageInfo | None, list[media_types.ImageProblem]]:
    """Cheap check of one upload: exists (case-exact), is an image we take,
    decodes completely, and is wide enough (a warning otherwise). `label` is
    how messages name the file, e.g. "nyheter/foto.jpg". With `cache_dir`, an
    upload that passed once is not decoded again (keyed by its bytes)."""
    found, variant = _case_exact_lookup(path)
    if found is None:
        return None, [media_types.missing_image(label, variant)]
    path = found
    if path.suffix.lower() in media_types.OTHER_IMAGE_SUFFIXES:
        return None, [media_types.unsupported_image(label, path.suffix.lstrip(".").upper())]
    passed = cache_dir / "inspected" / f"{hashlib.sha256(path.read_bytes()).hexdigest()}.json" if cache_dir else None
    if passed and passed.is_file():
        info = ImageInfo(**json.loads(passed.read_text(encoding="utf-8")))
    else:
        opened, problem = open_verified(path, label, wanted_width=1)
        if problem:
            return None, [problem]
        assert opened is not None
        with opened.image as image:
            width, height = opened.upright
            info = ImageInfo(format=image.format or "HEIF", width=width, height=height)
        if passed:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.write_text(json.dumps(info.__dict__), encoding="utf-8")
    problems = [media_types.too_small_image(label, info.width, min_width)] if info.width < min_width else []
    return info, problems

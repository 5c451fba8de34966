"""Committed uploads: position and serial number (issue 26).

The site never publishes an upload, but the repository is public. The
content editor re-encodes photos before committing them (cms.py); a photo
added through Git still carries what the phone wrote. These two are what
`make check` and the build refuse; the rest (make, model, ICC) the
published renditions drop. `make strip-photos` cleans a photo in place.
"""
from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, ImageOps

from cpc import image_inspect, image_render

GPS_POSITION_TAGS = (0x0002, 0x0004)      # GPSLatitude, GPSLongitude
SERIAL_NUMBER_TAGS = (0xA431, 0xA435)     # BodySerialNumber, LensSerialNumber
XMP_POSITION = re.compile(rb"GPS(?:Latitude|Longitude)")
XMP_SERIAL = re.compile(rb"SerialNumber")


def _exif_and_xmp(path: Path) -> tuple[Image.Exif, bytes]:
    """The file's EXIF and XMP, read from its header (pixels are not decoded)."""
    exif = Image.Exif()
    with path.open("rb") as handle:
        head = handle.read(64)
    if image_inspect._is_heif(head):
        import pillow_heif
        info = pillow_heif.open_heif(path).info
        if info.get("exif"):
            exif.load(info["exif"])
        xmp = info.get("xmp") or b""
    else:
        with image_inspect.open_image(path) as image:
            exif = image.getexif()
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return exif, xmp.encode("utf-8") if isinstance(xmp, str) else xmp


def position_or_serial_number(path: Path) -> list[str]:
    """What a raster file says about where it was taken ("position") or by
    which camera ("serial number"): EXIF GPS, body or lens serial, or the
    same in XMP. Empty when it says neither, or cannot be read (inspect()
    reports unreadable files). A photo too large to open raises
    image_inspect.TooLarge."""
    try:
        exif, xmp = _exif_and_xmp(path)
    except image_inspect.TooLarge:
        raise
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
        heif = image_inspect._is_heif(handle.read(64))
    image = image_inspect._open_heif(path) if heif else image_inspect.open_image(path)
    with image:
        image.load()
        clean = image_render._normalized(ImageOps.exif_transpose(image) if not heif else image)
        kind = "HEIF" if heif else image.format
    if heif:
        import pillow_heif
        pillow_heif.from_pillow(clean).save(path, quality=90)
    elif kind in ("JPEG", "MPO"):
        image_render._opaque(clean).save(path, "JPEG", quality=92)
    else:
        clean.save(path, kind, **({"quality": 90} if kind in ("WEBP", "AVIF") else {}))

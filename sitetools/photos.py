"""A phone-like test photo built from real photographs.

Issue 16 wants tests on a real photograph, not a flat gradient whose sizes
would flatter us. scikit-image ships real colour photographs in its wheel
(`skimage/data/`); we tile them at their own resolution (cropped, mirrored,
never scaled up) into a 3000x4000 upright picture, mark two corners so a test
can see which way is up, and save it the way a phone does: stored sideways as
4000x3000 with EXIF Orientation 6, a GPS position, make, model, capture time,
maker notes, an XMP packet, an IPTC block, a comment and a Display P3 ICC
profile.

The package's files are found through its installed metadata, so nothing
here imports scikit-image (or needs numpy).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from PIL import Image, ImageOps

PHOTO_PACKAGE = "scikit-image"
# Real colour photographs in the wheel (people, animals, objects, a rocket):
# the kind of content a news photo has.
PHOTO_NAMES = ("astronaut.png", "chelsea.png", "coffee.png", "motorcycle_left.png",
               "motorcycle_right.png", "rocket.jpg")

UPRIGHT_SIZE = (3000, 4000)     # what the reader must see: portrait
STORED_SIZE = (4000, 3000)      # what the sensor wrote: sideways
ORIENTATION = 6                 # "rotate 90° clockwise to display"
MARK_FRACTION = 0.08            # corner marks are 8 % of the upright width
TOP_LEFT_MARK = (230, 20, 20)   # red
TOP_RIGHT_MARK = (20, 40, 230)  # blue

CAMERA_MAKE = "Google"
CAMERA_MODEL = "Pixel 8"
CAPTURED_AT = "2026:09:14 13:37:21"
# 59°54′N 10°45′E, the position in issue 16.
GPS_LATITUDE = ((59, 1), (54, 1), (0, 1))
GPS_LONGITUDE = ((10, 1), (45, 1), (0, 1))

XMP_PACKET = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"'
    b' exif:GPSLatitude="59,54.0N" exif:GPSLongitude="10,45.0E" tiff:Make="Google" tiff:Model="Pixel 8"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
# The same phone with location turned off for its camera: no position.
XMP_PACKET_NO_POSITION = XMP_PACKET.replace(b' exif:GPSLatitude="59,54.0N" exif:GPSLongitude="10,45.0E"', b"")


@dataclass(frozen=True)
class PhonePhoto:
    jpeg: Path
    heic: Path | None   # None when pillow-heif cannot write HEIC here


def real_photographs() -> list[Path]:
    """The package's photographs on disk; skip-worthy if it is not installed."""
    try:
        dist = distribution(PHOTO_PACKAGE)
    except PackageNotFoundError as missing:
        raise FileNotFoundError(f"{PHOTO_PACKAGE} is not installed (requirements-test.in)") from missing
    found = {Path(str(f)).name: Path(dist.locate_file(f)) for f in dist.files or ()
             if str(f).startswith("skimage/data/")}
    return [found[name] for name in PHOTO_NAMES]


def tiled_upright_photo(size: tuple[int, int] = UPRIGHT_SIZE) -> Image.Image:
    """Shelf-pack the photographs at 1:1 into `size`; each repeat is cropped
    from another place and every other one mirrored, so no two tiles match."""
    photos = [Image.open(p).convert("RGB") for p in real_photographs()]
    canvas = Image.new("RGB", size)
    width, height = size
    y, row, placed = 0, 0, 0
    while y < height:
        row_height = sorted(p.height for p in photos)[row % len(photos)]
        fitting = [p for p in photos if p.height >= row_height]
        x = 0
        while x < width:
            photo = fitting[(placed + row) % len(fitting)]
            top = (placed * 37) % (photo.height - row_height + 1)
            tile = photo.crop((0, top, photo.width, top + row_height))
            if placed % 2:
                tile = ImageOps.mirror(tile)
            canvas.paste(tile, (x, y))
            x += tile.width
            placed += 1
        y += row_height
        row += 1
    mark = round(width * MARK_FRACTION)
    canvas.paste(TOP_LEFT_MARK, (0, 0, mark, mark))
    canvas.paste(TOP_RIGHT_MARK, (width - mark, 0, width, mark))
    return canvas


def display_p3_profile(device: str = f"{CAMERA_MAKE} {CAMERA_MODEL}") -> bytes:
    """An ICC v2 matrix/TRC profile for Display P3, as phones embed. Pillow's
    ImageCms can only create sRGB/LAB/XYZ, so the bytes are laid out here.
    It names the device, as some camera profiles do."""
    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)

    def desc(text: str) -> bytes:
        ascii_text = text.encode("ascii") + b"\0"
        body = b"desc" + bytes(4) + struct.pack(">I", len(ascii_text)) + ascii_text
        return body + bytes(4 + 4) + bytes(2 + 1 + 67)  # no Unicode, no ScriptCode

    def srgb_curve() -> bytes:
        points = []
        for i in range(1024):
            v = i / 1023
            linear = v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
            points.append(round(linear * 65535))
        return b"curv" + bytes(4) + struct.pack(">I", 1024) + struct.pack(">1024H", *points)

    # D50-adapted colorants of Display P3 (as in Apple's profile).
    tags = [
        (b"desc", desc("Display P3")),
        (b"dmnd", desc(CAMERA_MAKE)),
        (b"dmdd", desc(device)),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test fixture\0"),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.5151, 0.2412, -0.0011)),
        (b"gXYZ", xyz(0.2919, 0.6922, 0.0419)),
        (b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
    ]
    curve = srgb_curve()
    table, data = [], b""
    offset = 128 + 4 + 12 * (len(tags) + 3)
    for signature, body in tags:
        table.append((signature, offset + len(data), len(body)))
        data += body + bytes(-len(body) % 4)
    curve_offset = offset + len(data)
    data += curve
    table += [(s, curve_offset, len(curve)) for s in (b"rTRC", b"gTRC", b"bTRC")]
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"lcms" + bytes.fromhex("02100000") + b"mntrRGB XYZ "
              + struct.pack(">6H", 2026, 9, 14, 13, 37, 21) + b"acsp" + b"APPL" + bytes(4)
              + b"GOOG" + b"PIX8" + bytes(8) + bytes(4)
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b"lcms")
    header += bytes(128 - len(header))
    tag_table = struct.pack(">I", len(table)) + b"".join(
        s + struct.pack(">II", o, n) for s, o, n in table)
    return header + tag_table + data


def phone_exif(orientation: int = ORIENTATION, position: bool = True) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = CAMERA_MAKE
    exif[0x0110] = CAMERA_MODEL
    exif[0x0131] = "HDR+ 1.0.641377693zd"  # Software
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = CAPTURED_AT        # DateTimeOriginal
    exif_ifd[0x927C] = b"Google\0" + bytes(range(64))  # MakerNote
    if not position:
        return exif
    gps = exif.get_ifd(0x8825)
    gps[0x0001] = "N"
    gps[0x0002] = tuple(n / d for n, d in GPS_LATITUDE)
    gps[0x0003] = "E"
    gps[0x0004] = tuple(n / d for n, d in GPS_LONGITUDE)
    return exif


def iptc_app13() -> bytes:
    """An APP13 Photoshop/IPTC segment naming the photographer and place."""
    def dataset(number: int, value: bytes) -> bytes:
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value
    iptc = dataset(80, b"Kari Nordmann") + dataset(90, b"Oslo")
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(iptc)) + iptc
    resource += bytes(len(iptc) % 2)
    body = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def stored_sideways(upright: Image.Image) -> Image.Image:
    """The pixels as the sensor stores them for Orientation 6."""
    return upright.transpose(Image.Transpose.ROTATE_90)


def save_phone_jpeg(upright: Image.Image, path: Path, quality: int = 92, position: bool = True) -> Path:
    stored_sideways(upright).save(
        path, "JPEG", quality=quality, exif=phone_exif(position=position).tobytes(), icc_profile=display_p3_profile(),
        xmp=XMP_PACKET if position else XMP_PACKET_NO_POSITION, comment=f"{CAMERA_MAKE} {CAMERA_MODEL}", extra=iptc_app13())
    return path


def save_phone_heic(upright: Image.Image, path: Path, quality: int = 80, position: bool = True) -> Path | None:
    """HEIC as an iPhone writes it, if pillow-heif can encode here. The
    rotation goes in the EXIF orientation, which pillow-heif turns into the
    HEIF transform on save."""
    try:
        import pillow_heif
    except ImportError:
        return None
    heif = pillow_heif.from_pillow(stored_sideways(upright))
    try:
        heif.save(path, quality=quality, exif=phone_exif(position=position).tobytes(),
                  xmp=XMP_PACKET if position else XMP_PACKET_NO_POSITION,
                  icc_profile=display_p3_profile())
    except (RuntimeError, ValueError, OSError):
        return None
    return path


PHONE_JPEG, PHONE_HEIC = "foto.jpg", "foto.heic"


def build_phone_photos(folder: Path, heic_size: tuple[int, int] | None = (1200, 1600),
                       position: bool = True) -> PhonePhoto:
    """Write foto.jpg (full 4000x3000) and, where possible, foto.heic. The HEIC
    is a smaller crop of the same picture, since x265 is slow on two cores.
    position=False: the phone's camera has location turned off."""
    folder.mkdir(parents=True, exist_ok=True)
    upright = tiled_upright_photo()
    jpeg = save_phone_jpeg(upright, folder / PHONE_JPEG, position=position)
    heic = None
    if heic_size:
        heic = save_phone_heic(tiled_upright_photo(heic_size), folder / PHONE_HEIC, position=position)
    return PhonePhoto(jpeg=jpeg, heic=heic)


if __name__ == "__main__":
    import sys
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "photo-fixture")
    built = build_phone_photos(out)
    for p in (built.jpeg, built.heic):
        if p:
            with Image.open(p) as im:
                print(p, im.format, im.size, p.stat().st_size, "bytes")

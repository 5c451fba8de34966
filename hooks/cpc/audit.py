"""The last gate (issue 25): after everything is written, every published
picture, SVG and PDF in site/ is read again, and the build stops if one
carries EXIF, a position, XMP, IPTC, a PDF author or an SVG script. The
message names the source file in docs/.

The cleaning happens earlier (image_render.py, documents.py); this module
only reads. Formats are read by kept libraries: Pillow, ElementTree over
svg-hush's output, pikepdf.
"""
from __future__ import annotations

import base64
import binascii
import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pikepdf
from PIL import Image, ImageCms, UnidentifiedImageError

from cpc import media_types
from cpc.problems import Problem, build_error

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
# A plain colour profile says nothing about a person; one naming a device does.
PLAIN_PROFILE = "ICC profile"
RASTER_SUFFIXES = media_types.PHOTO_SUFFIXES | media_types.OTHER_IMAGE_SUFFIXES
# Namespaces of drawing programs' own notes (author, file paths, layers).
EDITOR_NAMESPACES = ("http://www.inkscape.org/", "http://sodipodi.sourceforge.net/", "http://ns.adobe.com/",
                     "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/", "http://creativecommons.org/ns#",
                     "http://www.bohemiancoding.com/sketch/ns", "http://www.serif.com/")
DATA_IMAGE = re.compile(r"data:image/[\w.+-]+;base64,([A-Za-z0-9+/=\s]+)")
FOREIGN = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]+)", re.I)
# PDF actions that run something.
PDF_ACTIONS = ("/JavaScript", "/Launch", "/ImportData", "/Rendition", "/SubmitForm")


def strip_check(path: Path | bytes) -> list[str]:
    """Names of metadata still in a picture: position, camera data, capture
    time, XMP, IPTC, ICC profile, comment. Empty when clean. Our renditions
    carry no ICC profile at all (sRGB is the web's default), so any profile
    means the file did not come through the image step."""
    data = path if isinstance(path, bytes) else path.read_bytes()
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
                note(PLAIN_PROFILE + _icc_device(info["icc_profile"]))
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


def personal(found: list[str]) -> list[str]:
    """What of strip_check's findings may say who, where or with what: all
    but a plain colour profile (design files keep theirs)."""
    return [what for what in found if what not in (PLAIN_PROFILE, "JPEG APP2 segment")]


def embedded_pictures(text: str) -> list[bytes]:
    """The raster pictures an SVG carries inside itself (data: URLs)."""
    found = []
    for match in DATA_IMAGE.finditer(text):
        try:
            found.append(base64.b64decode(re.sub(r"\s+", "", match.group(1)), validate=True))
        except (binascii.Error, ValueError):
            continue
    return found


def svg_findings(data: bytes) -> list[str]:
    """Script, event handlers, javascript: links, references to other hosts,
    drawing programs' notes and pictures with metadata, in one SVG."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return ["an SVG that cannot be read"]
    found: list[str] = []

    def note(what: str) -> None:
        if what not in found:
            found.append(what)

    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        local = tag.rsplit("}", 1)[-1].lower()
        if local == "script":
            note("script")
        if local == "foreignobject":
            note("HTML inside the SVG (foreignObject)")
        if local == "metadata" or any(tag.startswith("{" + ns) for ns in EDITOR_NAMESPACES):
            note("a drawing program's metadata")
        for name, value in element.attrib.items():
            attribute = name.rsplit("}", 1)[-1].lower()
            if attribute.startswith("on"):
                note("event handler (on...=)")
            if any(name.startswith("{" + ns) for ns in EDITOR_NAMESPACES):
                note("a drawing program's metadata")
            if attribute in ("href", "src") and value.strip().lower().startswith("javascript:"):
                note("javascript: link")
            elif attribute in ("href", "src") and FOREIGN.match(value) and not value.strip().startswith("data:"):
                note("reference to another host")
            if attribute == "style" and any(FOREIGN.match(url) and not url.startswith("data:")
                                            for url in CSS_URL.findall(value)):
                note("reference to another host")
        if local == "style" and any(FOREIGN.match(url) and not url.startswith("data:")
                                    for url in CSS_URL.findall(element.text or "")):
            note("reference to another host")
    for picture in embedded_pictures(data.decode("utf-8", "replace")):
        for what in personal(strip_check(picture)):
            note(f"an embedded picture's {what}")
    return found


def pdf_dictionaries(pdf: pikepdf.Pdf):
    """Every dictionary and stream of a PDF, the ones written inside
    another (an action in the catalogue) included."""
    def inside(obj):
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            yield obj
            values = obj.values()
        elif isinstance(obj, pikepdf.Array):
            values = list(obj)
        else:
            return
        for value in values:
            if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
                yield from inside(value)

    for obj in pdf.objects:
        yield from inside(obj)


def pdf_findings(path: Path) -> list[str]:
    """Author and other document information, XMP, scripts, attachments and
    pictures with EXIF, in one PDF."""
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError):
        return ["a PDF that cannot be read"]
    found: list[str] = []

    def note(what: str) -> None:
        if what not in found:
            found.append(what)

    with pdf:
        info = pdf.trailer.get("/Info")
        if isinstance(info, pikepdf.Dictionary):
            for key in info.keys():
                if str(info[key]).strip():
                    note(f"document information ({key.lstrip('/')})")
        names = pdf.Root.get("/Names")
        if isinstance(names, pikepdf.Dictionary):
            if "/JavaScript" in names:
                note("script")
            if "/EmbeddedFiles" in names:
                note("attached files")
        for obj in pdf_dictionaries(pdf):
            if "/Metadata" in obj:
                note("XMP metadata")
            if "/JS" in obj or obj.get("/S") in PDF_ACTIONS or "/AA" in obj:
                note("script")
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                raw = obj.read_raw_bytes()
                if any(signature in raw for signature, _ in _SIGNATURES[:5]):
                    note("a picture's EXIF, XMP or IPTC")
    return found


def findings(path: Path) -> list[str]:
    """What of a person or a script one published file still carries; empty when clean."""
    ending = path.suffix.lower()
    if ending in RASTER_SUFFIXES:
        return personal(strip_check(path))
    if ending == ".svg":
        return svg_findings(path.read_bytes())
    if ending == ".pdf":
        return pdf_findings(path)
    return []


def gate(site_dir: Path, sources: dict[str, str]) -> None:
    """Stop the build if any file in site/ carries personal metadata or
    script. `sources` maps site-relative paths to the docs/ file each came
    from; other files were made by the theme or the build."""
    problems = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        found = findings(path)
        if not found:
            continue
        rel = path.relative_to(site_dir).as_posix()
        source = sources.get(rel)
        label = f"docs/{source}" if source else f"site/{rel}"
        what = ", ".join(found)
        problems.append(build_error(label, Problem(
            1, f"Den publiserte filen «{rel}» har fortsatt personlige data eller skript ({what}). Byggingen stopper, "
               "så ingenting av det publiseres. Last opp filen på nytt slik CONTRIBUTING.md sier for filtypen, og be "
               "en utvikler om hjelp hvis feilen står igjen.",
            f"The published file \"{rel}\" still carries personal data or script ({what}). The build stops, so none "
            "of it is published. Upload the file again as CONTRIBUTING.md says for its type, and ask a developer "
            "for help if the error stays.")))
    if problems:
        raise type(problems[0])("\n".join(str(p) for p in problems))

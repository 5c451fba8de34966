"""SVG and PDF files from staff (issue 25): checked for `make check` and the
build alike, and cleaned on their way into site/.

- SVG: filtered by svg-hush (Cloudflare's allowlist sanitiser), which drops
  scripts, event handlers, links and references to other hosts, and every
  element or attribute outside SVG itself (a drawing program's metadata:
  author, file paths, layers). A picture embedded in the SVG keeps its bytes,
  so one that carries EXIF or a position is refused instead.
- PDF: qpdf (pikepdf) removes the document information (author, creator),
  every XMP packet, scripts and actions, attachments, and re-encodes a
  picture inside that carries EXIF.

A file opened at its own address gets no Content-Security-Policy on GitHub
Pages, so nothing else would stop a script in it.
"""
from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

import pikepdf
from PIL import Image, UnidentifiedImageError
from py_svg_hush import filter_svg

from cpc import audit, media_types
from cpc.problems import Problem

# data: pictures an SVG may carry (all others are dropped by svg-hush).
KEPT_DATA_URLS = {"image": ["png", "jpeg", "webp"]}
# Keys that hold an action, and what an action may not do.
ACTION_KEYS = ("/A", "/OpenAction", "/Next")


# --------------------------------------------------------------------- SVG

def clean_svg(data: bytes) -> bytes:
    """The SVG as svg-hush leaves it; ValueError if it is not SVG."""
    return filter_svg(data, KEPT_DATA_URLS)


def check_svg(path: Path) -> list[Problem]:
    """Why an uploaded SVG cannot be published, at line 1 of the file."""
    name = PurePosixPath(path.name).name
    try:
        cleaned = clean_svg(path.read_bytes())
    except (ValueError, TypeError):
        return [Problem(1, f"«{name}» kan ikke leses som SVG. Eksporter logoen eller tegningen på nytt som «Vanlig SVG» "
                           "(Plain SVG), eller last den opp som PNG.",
                        f"\"{name}\" cannot be read as SVG. Export the logo or drawing again as \"Plain SVG\", or "
                        "upload it as PNG.")]
    found = [what for picture in audit.embedded_pictures(cleaned.decode("utf-8", "replace"))
             for what in audit.personal(audit.strip_check(picture))]
    if found:
        return [Problem(1, f"SVG-filen «{name}» har et innebygd bilde med personlige data ({', '.join(found)}). Slik data "
                           "kan vise hvor og med hva bildet ble tatt. Last opp bildet for seg (JPEG eller PNG, så "
                           "fjerner nettstedet dataene), eller lagre SVG-en på nytt uten det innebygde bildet.",
                        f"The SVG file \"{name}\" has an embedded picture carrying personal data ({', '.join(found)}). "
                        "It can show where and with what the picture was taken. Upload the picture on its own (JPEG or "
                        "PNG, and the website removes that data), or save the SVG again without the embedded picture.")]
    return []


# --------------------------------------------------------------------- PDF

def check_pdf(path: Path) -> list[Problem]:
    """Why an uploaded PDF cannot be published, at line 1 of the file."""
    name = path.name
    try:
        with pikepdf.open(path):
            return []
    except pikepdf.PasswordError:
        return [Problem(1, f"PDF-en «{name}» er beskyttet med passord, og da kan ikke nettstedet fjerne personlige data fra "
                           "den. Lagre den på nytt uten passord, og last den opp igjen.",
                        f"The PDF \"{name}\" is protected by a password, so the website cannot remove personal data "
                        "from it. Save it again without a password, and upload it again.")]
    except (pikepdf.PdfError, OSError, ValueError):
        return [Problem(1, f"PDF-en «{name}» er skadet eller bare delvis lastet opp. Lagre den som PDF på nytt, og last "
                           "den opp igjen.",
                        f"The PDF \"{name}\" is damaged or only partly uploaded. Save it as PDF again, and upload it "
                        "again.")]


def _picture_without_metadata(stream: pikepdf.Stream) -> None:
    """A JPEG inside the PDF that carries EXIF, XMP or IPTC, encoded again
    from its pixels alone."""
    raw = stream.read_raw_bytes()
    try:
        with Image.open(io.BytesIO(raw)) as image:
            pixels = Image.frombytes(image.mode, image.size, image.tobytes())
    except (UnidentifiedImageError, OSError, ValueError):
        return
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=90)
    stream.write(out.getvalue(), filter=pikepdf.Name.DCTDecode)


def clean_pdf(source: Path, destination: Path) -> None:
    """Copy a PDF without its document information, XMP, scripts, actions
    that run something, attachments and pictures' metadata."""
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        names = pdf.Root.get("/Names")
        if isinstance(names, pikepdf.Dictionary):
            for key in ("/JavaScript", "/EmbeddedFiles"):
                if key in names:
                    del names[key]
        for obj in list(audit.pdf_dictionaries(pdf)):
            for key in ("/Metadata", "/PieceInfo", "/AA", "/JS"):
                if key in obj:
                    del obj[key]
            for key in ACTION_KEYS:
                action = obj.get(key)
                if isinstance(action, pikepdf.Dictionary) and action.get("/S") in audit.PDF_ACTIONS:
                    del obj[key]
            if (isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
                    and obj.get("/Filter") == "/DCTDecode"
                    and any(signature in obj.read_raw_bytes() for signature, _ in audit._SIGNATURES[:5])):
                _picture_without_metadata(obj)
        destination.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(destination, deterministic_id=True)


# ----------------------------------------------------------------- publish

def publish(docs_dir: Path, site_dir: Path, roots) -> dict[str, str]:
    """Each SVG and PDF of docs/ cleaned in place of the copy MkDocs made, in
    every language's folder (`roots`: '' and 'en/'). Returns {site path:
    docs path} of what it wrote, for the last gate's messages."""
    written = {}
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(docs_dir).as_posix()
        kind = media_types.treatment(rel)
        if kind not in (media_types.Treatment.SVG, media_types.Treatment.PDF) or media_types.is_ignored(rel):
            continue
        for root in roots:
            destination = site_dir / root / rel
            if not destination.is_file():
                continue
            if kind is media_types.Treatment.SVG:
                destination.write_bytes(clean_svg(path.read_bytes()))
            else:
                clean_pdf(path, destination)
            written[f"{root}{rel}"] = rel
    return written

"""Every file staff may publish, by type (issue 25): the list of types and
their treatment, SVGs sanitised by svg-hush, PDFs cleaned by qpdf, and the
last gate that reads published files again. The files are made by real
tools: Pillow and pillow-heif pictures with EXIF and a position, an SVG as
Inkscape saves it, a PDF with an author written by pikepdf."""
from __future__ import annotations

import base64
import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from cpc import audit, documents, image_render, media_types
from cpc.media_types import Treatment
from sitetools.photos import save_phone_heic, tiled_upright_photo
from support.media_files import AUTHOR, clean_png_bytes, inkscape_svg, pdf_with_author, phone_jpeg_bytes

# ------------------------------------------------------------------ the list

@pytest.mark.parametrize("name, expected", [
    ("nyheter/besok.md", Treatment.PAGE),
    ("nyheter/foto.jpg", Treatment.PHOTO), ("IMG_0001.HEIC", Treatment.PHOTO),
    ("nedlastet.jfif", Treatment.PHOTO), ("bilde.JPE", Treatment.PHOTO), ("x.avif", Treatment.PHOTO),
    ("assets/logos/logo.svg", Treatment.SVG), ("nyheter/program.PDF", Treatment.PDF),
    ("assets/stylesheets/cpc.css", Treatment.SITE), ("assets/javascripts/cpc-site.js", Treatment.SITE),
    ("CNAME", Treatment.SITE), ("robots.txt", Treatment.SITE),
    ("nyheter/stil.css", Treatment.REFUSED), ("nyheter/skript.js", Treatment.REFUSED),
    ("IMG_0002.MOV", Treatment.REFUSED), ("referat.docx", Treatment.REFUSED), ("arkiv.zip", Treatment.REFUSED),
    ("Thumbs.db", Treatment.REFUSED), ("animasjon.gif", Treatment.REFUSED),
])
def test_each_type_has_its_treatment(name, expected):
    assert media_types.treatment(name) is expected


@pytest.mark.parametrize("name, norwegian, english", [
    ("IMG_0002.MOV", "videotjeneste", "link card"),
    ("referat.docx", "Lagre dokumentet som PDF", "Save the document as PDF"),
    ("scan.tif", "Lagre bildet som JPEG eller PNG", "Save the picture as JPEG or PNG"),
    ("arkiv.zip", "ikke publiserer", "does not publish"),
])
def test_a_refused_type_says_what_to_do_in_both_languages(name, norwegian, english):
    problem = media_types.refusal(name)
    assert problem.line == 1 and name in problem.nb and name in problem.en
    assert norwegian in problem.nb and english in problem.en


def test_hidden_files_are_left_to_mkdocs_which_never_publishes_them():
    assert media_types.is_ignored(".DS_Store") and media_types.is_ignored("assets/.gitkeep")
    assert not media_types.is_ignored("assets/logo.svg")


# ---------------------------------------------------------------------- SVG

def test_the_audit_sees_what_an_inkscape_svg_carries():
    found = audit.svg_findings(inkscape_svg())
    for what in ("script", "event handler (on...=)", "a drawing program's metadata", "javascript: link",
                 "reference to another host"):
        assert what in found, found


def test_svg_hush_leaves_the_drawing_and_nothing_else():
    cleaned = documents.clean_svg(inkscape_svg())
    assert audit.svg_findings(cleaned) == []
    for trace in (AUTHOR.encode(), b"kari.nordmann", b"inkscape", b"script", b"onload", b"onclick", b"javascript:",
                  b"tracker.example"):
        assert trace not in cleaned, trace
    assert b'<rect' in cleaned and b'fill:#00783c' in cleaned and b"Klikk" in cleaned


def test_an_svg_with_an_embedded_photo_carrying_metadata_is_refused(tmp_path):
    dirty, clean = tmp_path / "logo.svg", tmp_path / "ren.svg"
    dirty.write_bytes(inkscape_svg(embedded=phone_jpeg_bytes(position=True)))
    problems = documents.check_svg(dirty)
    assert len(problems) == 1 and "logo.svg" in problems[0].nb and "GPS position" in problems[0].en
    assert "innebygd bilde" in problems[0].nb and "embedded picture" in problems[0].en
    assert any("embedded picture" in what for what in audit.svg_findings(documents.clean_svg(dirty.read_bytes())))
    clean.write_bytes(inkscape_svg().replace(b"</g>", b'<image width="8" height="8" href="data:image/png;base64,'
                                             + base64.b64encode(clean_png_bytes()) + b'"/></g>'))
    assert documents.check_svg(clean) == []


def test_a_file_that_is_not_svg_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "logo.svg"
    path.write_bytes(b"<html><body>Ikke en tegning</body></html>")
    problems = documents.check_svg(path)
    assert len(problems) == 1 and "kan ikke leses som SVG" in problems[0].nb and "Plain SVG" in problems[0].en


# ---------------------------------------------------------------------- PDF

def test_the_audit_sees_the_author_xmp_script_and_photo_in_a_pdf(tmp_path):
    found = audit.pdf_findings(pdf_with_author(tmp_path / "agenda.pdf", phone_jpeg_bytes(position=True)))
    for what in ("document information (Author)", "XMP metadata", "script", "a picture's EXIF, XMP or IPTC"):
        assert what in found, found


def test_a_cleaned_pdf_keeps_its_pages_and_loses_the_rest(tmp_path):
    source = pdf_with_author(tmp_path / "agenda.pdf", phone_jpeg_bytes(position=True))
    cleaned = tmp_path / "site" / "agenda.pdf"
    documents.clean_pdf(source, cleaned)
    assert audit.pdf_findings(cleaned) == []
    data = cleaned.read_bytes()
    assert AUTHOR.encode() not in data and b"Exif" not in data and b"JavaScript" not in data
    with pikepdf.open(cleaned) as pdf:
        assert len(pdf.pages) == 1
        picture = pdf.pages[0].Resources.XObject.Im0
        with Image.open(io.BytesIO(picture.read_raw_bytes())) as image:
            assert image.size == (64, 48) and not image.getexif()


def test_a_password_protected_or_damaged_pdf_is_refused(tmp_path):
    locked = tmp_path / "låst.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(locked, encryption=pikepdf.Encryption(owner="eier", user="leser"))
    problem, = documents.check_pdf(locked)
    assert "passord" in problem.nb and "password" in problem.en
    broken = tmp_path / "halv.pdf"
    broken.write_bytes(b"%PDF-1.4\n%%EOF\n")
    problem, = documents.check_pdf(broken)
    assert "skadet" in problem.nb and "damaged" in problem.en
    assert documents.check_pdf(pdf_with_author(tmp_path / "ok.pdf")) == []


# ----------------------------------------------------------------- the gate

def test_a_jfif_goes_through_the_image_step_and_comes_out_clean(tmp_path):
    upload = tmp_path / "nedlastet.jfif"
    upload.write_bytes(phone_jpeg_bytes((900, 600), position=True))
    assert "GPS position (EXIF)" in audit.strip_check(upload)
    assert media_types.is_raster(upload.name)
    picture = image_render.render(upload, "nedlastet.jfif", image_render.THUMBNAIL.widths, tmp_path / "cache")
    image_render.write(picture, tmp_path / "cache", tmp_path / "site")
    assert all(audit.findings(tmp_path / "site" / r.path) == [] for r in picture.renditions())


def dirty_site(site: Path) -> dict[str, str]:
    """A published folder where each kind of file slipped through uncleaned."""
    (site / "assets" / "logos").mkdir(parents=True)
    (site / "nyheter").mkdir()
    (site / "assets" / "logos" / "logo.svg").write_bytes(inkscape_svg())
    pdf_with_author(site / "nyheter" / "agenda.pdf")
    (site / "nyheter" / "foto.jpg").write_bytes(phone_jpeg_bytes(position=True))
    heic = save_phone_heic(tiled_upright_photo((64, 48)), site / "nyheter" / "iphone.heic")
    (site / "index.html").write_text("<p>Hei</p>", encoding="utf-8")
    sources = {"assets/logos/logo.svg": "assets/logos/logo.svg", "nyheter/agenda.pdf": "nyheter/agenda.pdf"}
    return sources | ({"nyheter/iphone.heic": "nyheter/iphone.heic"} if heic else {})


def test_the_gate_stops_on_every_kind_and_names_the_source(tmp_path):
    site = tmp_path / "site"
    sources = dirty_site(site)
    with pytest.raises(Exception) as stopped:
        audit.gate(site, sources)
    message = str(stopped.value)
    assert "docs/assets/logos/logo.svg:1: Den publiserte filen" in message and "script" in message
    assert "docs/nyheter/agenda.pdf:1:" in message and "document information (Author)" in message
    assert "site/nyheter/foto.jpg:1:" in message and "GPS position (EXIF)" in message
    assert "English: The published file" in message
    if "nyheter/iphone.heic" in sources:
        assert "docs/nyheter/iphone.heic:1:" in message and "EXIF" in message
    assert "index.html" not in message


def test_the_gate_passes_a_cleaned_site(tmp_path):
    site = tmp_path / "site"
    dirty_site(site)
    svg = site / "assets" / "logos" / "logo.svg"
    svg.write_bytes(documents.clean_svg(svg.read_bytes()))
    documents.clean_pdf(site / "nyheter" / "agenda.pdf", site / "nyheter" / "agenda.pdf")
    for picture in ("foto.jpg", "iphone.heic"):
        (site / "nyheter" / picture).unlink(missing_ok=True)
    audit.gate(site, {})

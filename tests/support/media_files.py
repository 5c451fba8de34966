"""Files as staff's tools make them, for the media step's tests (issue 25):
Pillow pictures with a phone's EXIF, an SVG as Inkscape saves it, a PDF with
an author written by pikepdf."""
from __future__ import annotations

import base64
import io
from pathlib import Path

import pikepdf
from PIL import Image

from sitetools.photos import phone_exif, tiled_upright_photo

AUTHOR = "Kari Nordmann"
USER_FOLDER = "C:\\Users\\kari.nordmann\\Desktop"


def phone_jpeg_bytes(size=(64, 48), position: bool = False) -> bytes:
    """A small JPEG with a phone's EXIF: make, model, capture time, and with
    `position` GPS too (make check refuses a committed position, so staff
    uploads come with the camera's location off)."""
    out = io.BytesIO()
    tiled_upright_photo(size).save(out, "JPEG", quality=85, exif=phone_exif(position=position).tobytes())
    return out.getvalue()


def clean_png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 120, 60)).save(out, "PNG")
    return out.getvalue()


def inkscape_svg(embedded: bytes | None = None) -> bytes:
    """An SVG as Inkscape 1.2 saves it (its namespaces, named view, export
    path and RDF metadata), with what a copied snippet may add: a script, an
    onload and onclick, a javascript: link and a picture from another host."""
    picture = ""
    if embedded is not None:
        picture = (f'<image width="8" height="8" xlink:href="data:image/jpeg;base64,'
                   f'{base64.b64encode(embedded).decode()}" />')
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="120mm" height="60mm" viewBox="0 0 120 60" version="1.1" id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)" sodipodi:docname="logo.svg"
   inkscape:export-filename="{USER_FOLDER}\\logo.png" inkscape:export-xdpi="96"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/" onload="fetch('/admin/')">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:document-units="mm" />
  <metadata id="metadata1"><rdf:RDF><cc:Work rdf:about=""><dc:creator><cc:Agent><dc:title>{AUTHOR}</dc:title>
  </cc:Agent></dc:creator></cc:Work></rdf:RDF></metadata>
  <script>localStorage.getItem("sveltia-cms.user")</script>
  <g inkscape:label="Lag 1" inkscape:groupmode="layer" id="layer1">
    <rect style="fill:#00783c" width="100" height="40" x="10" y="10" id="rect1" onclick="steal()" />
    <a xlink:href="javascript:steal()"><text x="12" y="55">Klikk</text></a>
    <image width="4" height="4" href="https://tracker.example/p.gif" />
    {picture}
  </g>
</svg>'''.encode()


def pdf_with_author(path: Path, picture: bytes | None = None) -> Path:
    """A PDF as an office program leaves it: author, creator, XMP, a script
    run on opening, and optionally a photo with EXIF inside."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.docinfo["/Author"] = AUTHOR
    pdf.docinfo["/Creator"] = "Microsoft® Word for Microsoft 365"
    with pdf.open_metadata() as meta:
        meta["dc:creator"] = [AUTHOR]
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    if picture is not None:
        with Image.open(io.BytesIO(picture)) as image:
            width, height = image.size
        stream = pikepdf.Stream(pdf, picture, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=width,
                                Height=height, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
                                Filter=pikepdf.Name.DCTDecode)
        page = pdf.pages[0]
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
        page.Contents = pikepdf.Stream(pdf, b"q 64 0 0 48 10 10 cm /Im0 Do Q")
    pdf.save(path)
    return path

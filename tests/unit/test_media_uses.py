"""Finding the files a page's HTML uses (media.py, issue 25): every way an
address to a file in docs/ can be written, and only those."""
from __future__ import annotations

import unicodedata

import pytest

from cpc import media

FILES = {unicodedata.normalize("NFC", name): name for name in [
    "assets/images/anlegg.jpg", "assets/images/med mellomrom.jpg", "nyheter/foto.heic",
    unicodedata.normalize("NFD", "assets/images/på-tur.jpg"), "assets/logos/logo.svg", "nyheter/program.pdf"]}


@pytest.mark.parametrize("url, page_url, src_uri, expected", [
    ("../assets/images/anlegg.jpg", "om-klyngen/", "om-klyngen.md", "assets/images/anlegg.jpg"),  # Markdown, by MkDocs
    ("../../assets/images/anlegg.jpg", "en/om-klyngen/", "om-klyngen.en.md", "assets/images/anlegg.jpg"),
    ("assets/images/anlegg.jpg", "om-klyngen/", "om-klyngen.md", "assets/images/anlegg.jpg"),  # raw HTML, by the file
    ("/assets/images/anlegg.jpg", "nyheter/besok/", "nyheter/besok.md", "assets/images/anlegg.jpg"),  # the editor's form
    ("../assets/images/med%20mellomrom.jpg", "om-klyngen/", "om-klyngen.md", "assets/images/med mellomrom.jpg"),
    ("../assets/images/p%C3%A5-tur.jpg", "om-klyngen/", "om-klyngen.md",
     unicodedata.normalize("NFD", "assets/images/på-tur.jpg")),
    ("foto.heic", "nyheter/besok/", "nyheter/besok.md", "nyheter/foto.heic"),
    ("../assets/images/anlegg.jpg?v=2#x", "om-klyngen/", "om-klyngen.md", "assets/images/anlegg.jpg"),
    ("https://example.com/assets/images/anlegg.jpg", "om-klyngen/", "om-klyngen.md", None),
    ("//example.com/anlegg.jpg", "", "index.md", None),
    ("data:image/png;base64,AAAA", "", "index.md", None),
    ("../../../etc/anlegg.jpg", "om-klyngen/", "om-klyngen.md", None),
    ("#del", "om-klyngen/", "om-klyngen.md", None),
    ("../assets/images/borte.jpg", "om-klyngen/", "om-klyngen.md", None),
])
def test_resolve(url, page_url, src_uri, expected):
    assert media.resolve(url, page_url, src_uri, FILES) == expected


def test_find_each_use_once_and_only_photos():
    html = ('<p><img alt="A" src="../assets/images/anlegg.jpg" /></p>\n'
            '<picture><source srcset="../assets/images/anlegg.jpg 1x"><img src="../assets/images/anlegg.jpg" alt="B">'
            '</picture>\n'
            '<img srcset="../assets/images/med%20mellomrom.jpg 800w" alt="C">\n'
            '<p><a href="../assets/images/anlegg.jpg">Last ned</a> <a href="../nyheter/program.pdf">PDF</a>'
            ' <img src="../assets/logos/logo.svg" alt="Logo"> <img src="https://example.com/x.jpg" alt="x"></p>')
    uses = media.find(html, "om-klyngen/", "om-klyngen.md", FILES)
    assert [(u.kind, u.source, u.attrs.get("alt")) for u in uses] == [
        ("picture", "assets/images/anlegg.jpg", "A"),
        ("picture", "assets/images/anlegg.jpg", "B"),
        ("picture", "assets/images/med mellomrom.jpg", "C"),
        ("link", "assets/images/anlegg.jpg", None),
    ]
    assert html[uses[1].start:uses[1].end].startswith("<picture>") and html[uses[1].start:uses[1].end].endswith(
        "</picture>")


def test_process_rewrites_only_the_uses():
    html = 'Før <img alt="A &amp; B" src="x.jpg"> midt <a class="k" href="x.jpg">lenke</a> etter'
    uses = media.find(html, "", "index.md", {"x.jpg": "x.jpg"})

    class Rendition:
        def __init__(self, path, width):
            self.path, self.width, self.height = path, width, width

    class Picture:
        sources = ()
        fallback = (Rendition("x.abc.480.jpg", 480), Rendition("x.abc.900.jpg", 900))

    out = media.process(html, uses, "", lambda source: Picture(), lambda view: f"[picture {view.alt} {view.src}]")
    assert out == 'Før [picture A & B x.abc.900.jpg] midt <a class="k" href="x.abc.900.jpg">lenke</a> etter'

"""What a page may embed (issue 25): nothing from another host, no frames,
no script in an attribute or a link. `make check` and the build share these
rules (hooks/cpc/rules.py), each message Norwegian first, at its line."""
from __future__ import annotations

from pathlib import Path

import pytest

from cpc import rules
from support.site import LANGUAGES, in_languages, source_name

PAGE = "---\ntitle: Om\ndescription: Om oss.\n---\n\n# Om\n\n"
PAGE_EN = "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nText.\n"


def errors(tmp_path: Path, body: str) -> list:
    docs = tmp_path / "docs"
    (docs / "assets" / "images").mkdir(parents=True)
    (docs / "assets" / "images" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    for lang, text in in_languages(PAGE + body, PAGE_EN).items():
        (docs / source_name("om", lang)).write_text(text, encoding="utf-8")
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES)
    return [(f.path.name, f.line, f.nb, f.en) for f in found if f.level == "error"]


CASES = [
    ("image from another host", "Tekst.\n\n![Anlegget](https://example.com/anlegg.jpg)\n", 10,
     "ligger på et annet nettsted", "is on another website"),
    ("raw image from another host", 'Tekst.\n\n<img src="//cdn.example.com/a.png" alt="A">\n', 10,
     "ligger på et annet nettsted", "is on another website"),
    ("srcset from another host", 'Tekst.\n\n<img src="https://cdn.example.com/a.png" srcset="https://cdn.example.com/a.png 2x" '
                                 'alt="A">\n', 10, "ligger på et annet nettsted", "is on another website"),
    ("reference-style image from another host", "![Anlegget][a]\n\n[a]: https://example.com/anlegg.jpg\n", 8,
     "ligger på et annet nettsted", "is on another website"),
    ("picture pasted as data", "Tekst.\n\n![Logo](data:image/png;base64,iVBORw0KGgo=)\n", 10,
     "limt inn som tekst (data:…)", "pasted into the page as text"),
    ("YouTube iframe", 'Tekst.\n\n<iframe width="560" height="315"\n src="https://www.youtube.com/embed/x"></iframe>\n', 10,
     "(<iframe>)", "[Watch the video](https://...)"),
    ("javascript: link", "Tekst.\n\n[Klikk her](javascript:alert(1))\n", 10, "«javascript:»", '"javascript:"'),
    ("javascript: in raw HTML", 'Tekst.\n\n<a href="javascript:void(0)">Klikk</a>\n', 10, "«javascript:»",
     '"javascript:"'),
    ("inline event handler", 'Tekst.\n\n<p>Hei</p>\n<span class="cpc-x"\n  onclick="alert(1)">Klikk</span>\n', 12,
     "(onclick=…)", "(onclick=...)"),
]


@pytest.mark.parametrize(("body", "line", "norwegian", "english"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_embed_is_refused_at_its_line(tmp_path, body, line, norwegian, english):
    found = errors(tmp_path, body)
    assert found and found[0][:2] == ("om.md", line), found
    assert norwegian in found[0][2] and english in found[0][3], found


def test_what_a_page_may_have_passes(tmp_path):
    body = ("[Et annet nettsted](https://example.com), [e-post](mailto:post@example.com)\n\n"
            "![Logo](assets/images/logo.svg)\n\n"
            "[Se videoen](https://www.youtube.com/watch?v=abc)\n\n"
            "```html\n<iframe src=\"https://example.com\"></iframe> <a onclick=\"x()\">kode er lov</a>\n```\n\n"
            "Skriv `<img src=\"https://example.com/x.png\">` i en kodebit.\n")
    assert errors(tmp_path, body) == []

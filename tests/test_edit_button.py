"""Built pages: the "Rediger denne siden" / "Edit this page" button leads to
the page's own source file on GitHub (page.md for Norwegian, page.en.md for
English)."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TITLES = {"nb": "Rediger denne siden", "en": "Edit this page"}


def config():
    """mkdocs.yml as MkDocs reads it (environment defaults applied)."""
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def sources() -> list[str]:
    return sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def built_page(src: str) -> tuple[str, str]:
    """(language, built file) for a source file under the suffix structure."""
    lang, stem = "nb", src[:-3]
    if stem.endswith(".en"):
        lang, stem = "en", stem[:-3]
    if stem == "index" or stem.endswith("/index"):
        out = stem[: -len("index")] + "index.html"
    else:
        out = stem + "/index.html"
    return lang, ("en/" if lang == "en" else "") + out


def test_edit_uri_is_absolute_and_no_repository_widget_is_configured():
    cfg = config()
    # Without repo_url Material shows no repository widget (it would call api.github.com).
    assert cfg["repo_url"] is None
    assert cfg["edit_uri"].startswith("https://github.com/") and cfg["edit_uri"].endswith("/edit/main/docs/")
    assert "content.action.edit" in cfg["theme"]["features"]


def test_every_page_pair_is_covered():
    langs = [built_page(src)[0] for src in sources()]
    assert langs.count("nb") == langs.count("en") > 0


@pytest.mark.parametrize("src", sources())
def test_edit_button_opens_the_source_file(site_dir, src):
    cfg = config()
    lang, out = built_page(src)
    soup = BeautifulSoup((site_dir / out).read_text(encoding="utf-8"), "html.parser")
    buttons = soup.select('a[rel="edit"]')
    assert len(buttons) == 1, f"{out}: expected one edit button, found {len(buttons)}"
    assert buttons[0]["href"] == cfg["edit_uri"] + src
    assert not soup.select('[data-md-component="source"]')
    assert buttons[0]["title"] == TITLES[lang]

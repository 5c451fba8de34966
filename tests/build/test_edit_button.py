"""Readers see no edit pencil; staff reach a page's source from the footer's
discreet "Rediger denne siden" / "Edit this page", which opens the page in
the content editor at /admin/ (both languages' pages open the same entry;
GitHub's editor stays reachable from the guide). tests/browser/test_cms.py
follows the link in the editor."""
from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from cpc import cms, news
from support import LANGUAGES, ROOT, source_url
from support.site import OTHER, ui

DOCS = ROOT / "docs"


def config():
    """mkdocs.yml as MkDocs reads it (environment defaults applied)."""
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def sources() -> list[str]:
    """Every page's source; posts, which a draft or a later date may keep off
    the site, are checked on the sample site."""
    return sorted(rel for rel in (path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
                  if not news.is_post(rel))


def check_edit_link(site_dir, src: str) -> None:
    path = source_url(src, LANGUAGES)
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not soup.select('a[rel="edit"], .md-content__button'), f"{path}: a pencil for readers"
    links = soup.select("footer a.cpc-footer__edit")
    assert len(links) == 1, f"{path}: expected one edit link in the footer"
    address, fragment = links[0]["href"].split("#", 1)
    # Relative to the page, so it works under a sub-path too.
    assert posixpath.normpath(posixpath.join(path, address)) == "admin"
    assert f"admin/#{fragment}" == cms.editor_address(src, LANGUAGES)
    assert fragment.startswith("/collections/")
    assert links[0].get_text(strip=True) == ui("footer_edit", LANGUAGES.split(src)[1])


def test_no_pencil_and_no_repository_widget_are_configured():
    cfg = config()
    # Without repo_url Material shows no repository widget (it would call api.github.com).
    assert cfg["repo_url"] is None
    assert cfg["edit_uri"].startswith("https://github.com/") and cfg["edit_uri"].endswith("/edit/main/docs/")
    assert "content.action.edit" not in cfg["theme"]["features"]


@pytest.mark.parametrize("src", sources())
def test_the_footer_link_opens_the_page_in_the_editor(site_dir, src):
    check_edit_link(site_dir, src)


@pytest.mark.parametrize("src", [f"{news.FOLDER}/to-sprak.md", f"{news.FOLDER}/{LANGUAGES.source_name('to-sprak', OTHER)}"])
def test_a_posts_footer_link_opens_it_in_the_editor(sample_site, src):
    check_edit_link(sample_site[0], src)

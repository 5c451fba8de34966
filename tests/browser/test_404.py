"""The bilingual 404 page, served like GitHub Pages, in Chromium."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from support import open_page
from support.site import DEFAULT, LANGUAGES, LOCALES, OTHER, address, in_languages, root, ui


def language(path: Path) -> str:
    """The language of a source file, by its name."""
    return LANGUAGES.split(path.name)[1]


# --- 404, served the way GitHub Pages serves it ---------------------------

def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_missing_paths_get_the_bilingual_404(site_url):
    for missing in ("finnes-ikke/", root(OTHER) + "does-not-exist/", address("focus_areas", DEFAULT) + "x/y/z"):
        status, body = fetch(site_url + missing)
        assert status == 404
        soup = BeautifulSoup(body, "html.parser")
        sections = {s["lang"]: s for s in soup.select("section.cpc-not-found")}
        assert set(sections) == set(LOCALES)
        for lang in LOCALES:
            assert ui("not_found_title", lang) in sections[lang].get_text()
        # Assets use absolute paths, so they load at any depth.
        for link in soup.select("link[rel=stylesheet]"):
            assert link["href"].startswith("/"), link["href"]


@pytest.mark.parametrize(("missing", "lang"), [
    (root(OTHER) + "no-such-page/", OTHER),
    (root(DEFAULT) + "no-such-page/", DEFAULT),
    (address("focus_areas", DEFAULT) + "gone/", DEFAULT),
])
def test_404_shows_the_readers_language(page, site_url, missing, lang):
    text, home = ui("not_found_title", lang), root(lang)
    response = open_page(page, site_url + missing)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    visible = page.locator("section.cpc-not-found:visible")
    assert visible.count() == 1
    assert visible.get_attribute("lang") == lang
    assert page.locator("h1:visible").inner_text() == text
    assert page.locator("a.cpc-skip").text_content().strip() == ui("skip_link", lang)
    # The menu, the search field and the footer speak the reader's language too.
    menu = in_languages(["Forside", "Om klyngen"], ["Home", "About the cluster"])[lang]
    assert page.locator(".md-tabs:visible .md-tabs__link").all_inner_texts()[:2] == menu
    assert page.locator("input.md-search__input").get_attribute("placeholder") == ui("search_placeholder", lang)
    assert page.locator("footer:visible").get_attribute("lang") == lang
    # The header's labels are the ones the reader's own pages carry, and the
    # language menu leads to each language's home, marking the reader's.
    on_404 = header_labels(page)
    menu_links = page.locator("a.md-select__link")
    assert sorted(menu_links.evaluate_all("links => links.map(a => a.hreflang)")) == sorted(LOCALES)
    for other in LOCALES:
        link = page.locator(f'a.md-select__link[hreflang="{other}"]')
        assert urljoin(page.url, link.get_attribute("href")) == site_url + root(other)
        assert (link.get_attribute("aria-current") == "true") == (other == lang)
    link = visible.locator("a").first
    assert urljoin(page.url, link.get_attribute("href")) == site_url + home
    with page.expect_navigation(wait_until="load"):
        link.click()
    assert page.url == site_url + home
    assert page.evaluate("document.documentElement.lang") == lang
    assert header_labels(page) == on_404


# Every label the header carries, read the way assistive technology reads them.
HEADER_LABELS = """() => ({
  language: document.querySelector('.cpc-lang__button').textContent.replace(/\\s+/g, ' ').trim(),
  schemes: [...document.querySelectorAll('[data-md-component="palette"] input.md-option')].map(i => i.getAttribute('aria-label')),
  schemeButtons: [...document.querySelectorAll('[data-md-component="palette"] label')].map(l => l.title),
  searchOpen: document.querySelector('.md-header__button[for="__search"]').textContent.trim(),
  search: document.querySelector('.md-search__inner').getAttribute('aria-label'),
  searchInput: document.querySelector('input.md-search__input').getAttribute('aria-label'),
  top: document.querySelector('.md-top') ? document.querySelector('.md-top').textContent.trim() : null,
})"""


def header_labels(page) -> dict:
    return page.evaluate(HEADER_LABELS)


def test_404_without_script_shows_both_languages(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + root(OTHER) + "no-such-page/")
        assert page.locator("section.cpc-not-found:visible").count() == 2
    finally:
        context.close()

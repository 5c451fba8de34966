"""Search (Pagefind): nothing loads before the reader asks, results in the
page's language with Norwegian stemming, a query pasted before the index is
ready still runs, results follow typing, and it works by keyboard with axe 0."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from support.axe import axe_problems
from support import new_context, open_page, switch_scheme
from support.site import DEFAULT, LOCALES, OTHER, address, in_languages, root

STATUS = "#cpc-search-status"
RESULTS = "#cpc-search-results"
RESULT_LINKS = f"{RESULTS} a"
# Status texts once a search has run: "N treff", "Ingen treff", "N results", "No results".
COUNTED = r"/treff|result/i"


def search_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if "/pagefind/" in url]


def wait_for_results(page, query: str) -> list[str]:
    """Wait until the results are those of `query`, then return their URLs."""
    page.wait_for_function(
        f"""q => document.querySelector('input.md-search__input').value === q
                 && document.querySelector('{RESULTS}').dataset.cpcQuery === q
                 && {COUNTED}.test(document.querySelector('{STATUS}').textContent)""", arg=query)
    hrefs = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [urljoin(page.url, href) for href in hrefs]


def search(page, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    return wait_for_results(page, query)


def in_english(url: str, site_url: str) -> bool:
    return urlsplit(url).path.startswith(urlsplit(site_url).path + root(OTHER))


@pytest.mark.parametrize("path", [root(DEFAULT), address("contact", OTHER)])
def test_nothing_search_related_is_fetched_before_intent(page, site_url, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, site_url + path)
    page.mouse.wheel(0, 400)
    page.keyboard.press("Tab")
    assert search_requests(requests) == []
    # Intent: focusing the field loads the engine.
    page.locator("input.md-search__input").focus()
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.trim() !== ''")
    assert any(url.endswith("pagefind.js") for url in search_requests(requests))


def test_the_slash_key_opens_search(page, site_url):
    open_page(page, site_url + "om-klyngen/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")


def test_norwegian_search_stems_and_stays_norwegian(page, site_url):
    open_page(page, site_url + "om-klyngen/")
    # Inflected forms; the pages mostly say "emballasje", "klynge", "verdikjede".
    for query in ("emballasjens", "klyngens", "verdikjeden"):
        hits = search(page, query)
        assert hits, f"{query!r} found nothing"
        assert not any(in_english(hit, site_url) for hit in hits), hits
    assert any("/" + address("focus_areas", DEFAULT) in hit for hit in search(page, "emballasjens"))


def test_english_search_stays_english(page, site_url):
    open_page(page, site_url + root(OTHER) + "om-klyngen/")
    hits = search(page, "members")
    assert hits and all(in_english(hit, site_url) for hit in hits), hits
    # A Norwegian word that Norwegian pages answer finds no Norwegian page
    # from an English one (an English page may hold it, as in a member's name).
    assert all(in_english(hit, site_url) for hit in search(page, "emballasjens"))


def test_a_query_pasted_right_after_load_gets_results(page, site_url):
    page.goto(site_url + address("contact", DEFAULT), wait_until="domcontentloaded")
    # Straight in, before anything of the engine has loaded.
    page.locator("input.md-search__input").fill("sirkulær")
    hits = wait_for_results(page, "sirkulær")
    assert hits


def test_results_follow_the_typing(page, site_url):
    open_page(page, site_url + root(OTHER))
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("recycl", delay=30)
    first = wait_for_results(page, "recycl")
    assert first
    field.press_sequentially("ing packaging", delay=30)
    assert wait_for_results(page, "recycling packaging")
    # Clearing the field clears the results.
    field.fill("")
    page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length === 0")


@pytest.mark.parametrize("lang", LOCALES)
def test_keyboard_only(page, site_url, lang):
    query = in_languages("klynge", "cluster")[lang]
    open_page(page, site_url + root(lang))
    page.keyboard.press("/")
    page.keyboard.type(query)
    wait_for_results(page, query)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('#cpc-search-results a')")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    assert page.evaluate("document.documentElement.lang") == lang


def test_escape_closes_search(page, site_url):
    open_page(page, site_url)
    search(page, "klynge")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 800}], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_with_results_open(browser, site_url, scheme, viewport):
    context = new_context(browser, viewport=viewport)
    try:
        page = context.new_page()
        open_page(page, site_url + root(OTHER))
        switch_scheme(page, scheme)
        if viewport["width"] < 600:
            page.locator('label.md-header__button[for="__search"]').click()
        hits = search(page, "circular")
        assert hits
        assert page.locator(RESULT_LINKS).first.is_visible()
        problems = axe_problems(page, f"[{scheme}]")
        assert not problems, "\n".join(problems)
        assert page.evaluate("window.__cpcViolations") == []
    finally:
        context.close()

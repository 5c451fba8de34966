"""Gate: no request leaves the site's own origin while the reader searches,
switches the theme or switches the language (loading every page is checked
in test_quality_pages.py). The form endpoint is contacted only on submit,
which is not done here."""
from __future__ import annotations

import pytest

from support import PAGES, page_id, is_missing_page, language_of, new_context, open_page, palette_toggle
from support.browser import foreign
from support.site import HOMES, LOCALES, address, in_languages

QUERY = in_languages("emballasje", "packaging")


@pytest.fixture
def recorded(browser):
    context = new_context(browser)
    requests = []
    # Context-wide, so requests from the search worker are seen too.
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page(), requests
    context.close()


# Search, the theme toggle and the switcher are the same markup and script on
# every page: a home page, a form page and a 404 page per language cover them.
CONTACT = [address("contact", lang) for lang in LOCALES]
USED_ON = [path for path in PAGES if path in HOMES or path in CONTACT or is_missing_page(path)]


@pytest.mark.parametrize("path", USED_ON, ids=page_id)
def test_no_foreign_request_while_searching_switching_theme_and_language(recorded, site_url, path):
    page, requests = recorded
    problems = []
    open_page(page, site_url + path)
    requests.clear()
    page.keyboard.press("/")  # opens search and loads the engine
    page.keyboard.type(QUERY[language_of(path)])
    page.wait_for_selector(".md-search-result__item", state="visible")
    # The recorder sees the search engine's own requests.
    if not any("/pagefind/" in url for url in requests):
        problems.append("the search engine's requests were not seen")
    page.keyboard.press("Escape")
    palette_toggle(page).click()
    palette_toggle(page).click()
    problems += [f"(search, theme): {url}" for url in foreign(requests, site_url)]

    if not is_missing_page(path):
        requests.clear()
        page.locator(".md-select").hover()
        other = page.locator(".md-select__link:not([hreflang='%s'])" % language_of(path)).first
        with page.expect_navigation():
            other.click()
        problems += [f"(language switch): {url}" for url in foreign(requests, site_url)]
    assert not problems, "\n".join(problems)


def test_the_recorder_sees_foreign_requests(recorded, site_url):
    """A page that asks another origin for something is caught."""
    page, requests = recorded
    open_page(page, site_url)
    requests.clear()
    page.evaluate("() => { const img = new Image(); img.src = 'http://127.0.0.2:9/pixel.png'; document.body.append(img); }")
    page.wait_for_function("() => [...document.images].some(i => i.complete)")
    assert foreign(requests, site_url) == ["http://127.0.0.2:9/pixel.png"]

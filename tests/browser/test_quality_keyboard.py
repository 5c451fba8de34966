"""Gate: the keyboard alone works the language switcher, search and the
phone's drawer. The skip link and the Tab order of every page are checked in
test_quality_pages.py (support/keyboard.py)."""
from __future__ import annotations

import pytest

from support.browser import ANIMATIONS_DONE
from support import new_context, open_page
from support.keyboard import MAX_TABS
from support.site import DEFAULT, LOCALES, OTHER, address, in_languages, root


@pytest.fixture
def keyboard_page(browser):
    context = new_context(browser)
    yield context.new_page()
    context.close()


def press_tab_until(page, condition: str, what: str) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached {what}")


@pytest.mark.parametrize(("lang", "other_lang"), [(DEFAULT, OTHER), (OTHER, DEFAULT)])
def test_language_switcher_by_keyboard(keyboard_page, site_url, lang, other_lang):
    page = keyboard_page
    open_page(page, site_url + address("contact", lang))
    press_tab_until(page, f"e.matches('.md-select__link[hreflang=\"{other_lang}\"]')", f"the {other_lang} language link")
    # The list fades in when focus enters it; it must end up visible.
    page.wait_for_function("() => getComputedStyle(document.activeElement.closest('.md-select__inner')).opacity === '1'")
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()")
    assert box[0] > 0 and box[1] > 0, "the focused language link has no size"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + address("contact", other_lang)
    assert page.evaluate("document.documentElement.lang") == other_lang


@pytest.mark.parametrize("lang", LOCALES)
def test_search_by_keyboard(keyboard_page, site_url, lang):
    page, query = keyboard_page, in_languages("resirkulering", "recycling")[lang]
    open_page(page, site_url + root(lang))
    press_tab_until(page, "e.matches('input.md-search__input')", "the search field")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", state="visible")
    # The arrow keys move through the results.
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.matches('.md-search-result__link')"):
            break
    else:
        raise AssertionError("ArrowDown never reached a search result")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == target.split("#")[0]
    # Results stay in the reader's language.
    assert page.evaluate("document.documentElement.lang") == lang


# On a phone (or zoomed in) the navigation is an off-canvas drawer whose links
# stay in the Tab order; cpc-drawer.js opens it, at the right level, while
# focus is inside, so the focused link is always the element on top.
FOCUS_ON_TOP = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { text: e.textContent.trim(), inDrawer: !!e.closest('.md-sidebar--primary'),
           onTop: !!top && (top === e || e.contains(top)), open: document.getElementById('__drawer').checked }; }"""


@pytest.mark.parametrize("path", [address("focus_areas", DEFAULT) + "resirkulering/", address("contact", OTHER)])
def test_mobile_drawer_follows_keyboard_focus(browser, site_url, path):
    context = new_context(browser, viewport={"width": 390, "height": 800}, is_mobile=True)
    try:
        page = context.new_page()
        open_page(page, site_url + path)
        seen, left_drawer = [], False
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            # The drawer and its nested panels slide; wait for them to settle.
            page.wait_for_function(ANIMATIONS_DONE)
            state = page.evaluate(FOCUS_ON_TOP)
            if state["inDrawer"]:
                assert state["open"] and state["onTop"], f"{path}: drawer link hidden while focused: {state}"
                seen.append(state["text"])
            elif seen:
                assert not state["open"], f"{path}: the drawer stayed open after focus left it"
                left_drawer = True
                break
        assert len(seen) >= 8 and left_drawer, f"{path}: Tab went through the drawer links {seen}"
        # Escape closes the drawer and returns focus to the content.
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUS_ON_TOP)["open"]
        page.keyboard.press("Escape")
        assert page.evaluate("[document.activeElement.id, document.getElementById('__drawer').checked]") == ["main", False]
    finally:
        context.close()

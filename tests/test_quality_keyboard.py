"""Gate: the keyboard alone reaches everything, and focus is always visible.

- the skip link is the first Tab stop, is visible, and moves focus to <main>;
- Tab reaches every visible interactive element, each with a focus indicator
  (outline or box-shadow differs from the unfocused state);
- the language switcher and search work without a mouse.
"""
from __future__ import annotations

import pytest

from support.browser import ANIMATIONS_DONE
from support import LANGUAGES, PAGES, language_of, new_context, open_page, page_id

SKIP_TEXT = {"nb": "Hopp til hovedinnhold", "en": "Skip to content"}
MAX_TABS = 300
SKIP_LINK_STATE = """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return { text: e.textContent.trim(), href: e.getAttribute("href"), visible: r.width > 0 && r.height > 0 && r.top >= 0
           && r.bottom <= innerHeight && s.opacity === "1" && s.visibility === "visible" && s.clipPath === "none" }; }"""
SKIP_LINK_SHOWN = f"() => ({SKIP_LINK_STATE})().visible"

# Marks the focused element and records its look; for a hidden radio (the
# palette toggle) the look of its label is what the reader sees.
FOCUSED = """
(index) => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  if (element.hasAttribute("data-cpc-tab")) return { again: true };
  element.setAttribute("data-cpc-tab", index);
  const shown = element.offsetWidth === 0 && element.nextElementSibling?.tagName === "LABEL" ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    index,
    name: `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute("href") || ""} "${(element.textContent || "").trim().slice(0, 40)}"`,
    look: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join("|"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    width: box.width, height: box.height,
  };
}
"""
UNFOCUSED_LOOK = """
(index) => {
  const element = document.querySelector(`[data-cpc-tab="${index}"]`);
  if (!element) return "gone";
  const shown = element.offsetWidth === 0 && element.nextElementSibling?.tagName === "LABEL" ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join("|");
}
"""
# Visible elements a reader could operate; each must be a Tab stop.
INTERACTIVE = """
() => [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter((element) => !element.disabled && element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().height > 0 && !element.closest("[inert]"))
  .filter((element) => !element.hasAttribute("data-cpc-tab"))
  .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute("href") || ""}`)
"""


@pytest.fixture
def keyboard_page(browser):
    context = new_context(browser)
    yield context.new_page()
    context.close()


def tab_through(page) -> list[dict]:
    """Press Tab from the top until focus comes back around; return each stop."""
    page.evaluate("document.querySelectorAll('[data-cpc-tab]').forEach((e) => e.removeAttribute('data-cpc-tab'))")
    stops = []
    for index in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED, index)
        if stop is None:
            continue
        if stop.get("again"):
            break
        stops.append(stop)
    else:
        raise AssertionError(f"focus never came back around after {MAX_TABS} Tab presses")
    return stops


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_skip_link_moves_focus_to_the_content(keyboard_page, site_url, path):
    """To <main>, or on a home page to its hero, where the page's own content starts."""
    page = keyboard_page
    open_page(page, site_url + path)
    page.keyboard.press("Tab")
    page.wait_for_function(SKIP_LINK_SHOWN)  # the link fades in (a CSS transition)
    home = path in [LANGUAGES.root(lang) for lang in LANGUAGES.locales]
    target = "#cpc-hero" if home else "#main"
    # The 404 page's script puts its skip link in the reader's language too.
    assert page.evaluate(SKIP_LINK_STATE) == {"text": SKIP_TEXT[language_of(path)], "href": target, "visible": True}
    page.keyboard.press("Enter")
    expected = "SECTION#cpc-hero" if home else "MAIN#main"
    assert page.evaluate("document.activeElement.tagName + '#' + document.activeElement.id") == expected


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_every_interactive_element_is_reachable_with_a_visible_focus(keyboard_page, site_url, path):
    page, problems = keyboard_page, []
    open_page(page, site_url + path)
    stops = tab_through(page)
    page.evaluate("document.activeElement.blur()")
    for stop in stops:
        unfocused = page.evaluate(UNFOCUSED_LOOK, stop["index"])
        if stop["width"] == 0 or stop["height"] == 0:
            problems.append(f"Tab stop without size: {stop['name']}")
        elif not (stop["outline"] and stop["look"] != unfocused) and stop["look"].split("|")[3] == unfocused.split("|")[3]:
            problems.append(f"no visible focus indicator on {stop['name']} (focused {stop['look']}, unfocused {unfocused})")
    problems += [f"not reachable with Tab: {name}" for name in page.evaluate(INTERACTIVE)]
    if len(stops) < 5:
        problems.append(f"only {len(stops)} Tab stops")
    assert not problems, "\n".join(problems)


def press_tab_until(page, condition: str, what: str) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached {what}")


@pytest.mark.parametrize(("start", "other_lang", "expected"), [("kontakt/", "en", "en/kontakt/"), ("en/kontakt/", "nb", "kontakt/")])
def test_language_switcher_by_keyboard(keyboard_page, site_url, start, other_lang, expected):
    page = keyboard_page
    open_page(page, site_url + start)
    press_tab_until(page, f"e.matches('.md-select__link[hreflang=\"{other_lang}\"]')", f"the {other_lang} language link")
    # The list fades in when focus enters it; it must end up visible.
    page.wait_for_function("() => getComputedStyle(document.activeElement.closest('.md-select__inner')).opacity === '1'")
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()")
    assert box[0] > 0 and box[1] > 0, "the focused language link has no size"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + expected
    assert page.evaluate("document.documentElement.lang") == other_lang


@pytest.mark.parametrize(("start", "query"), [("", "resirkulering"), ("en/", "recycling")])
def test_search_by_keyboard(keyboard_page, site_url, start, query):
    page = keyboard_page
    open_page(page, site_url + start)
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
    assert page.evaluate("document.documentElement.lang") == ("en" if start else "nb")


# On a phone (or zoomed in) the navigation is an off-canvas drawer whose links
# stay in the Tab order; cpc-drawer.js opens it, at the right level, while
# focus is inside, so the focused link is always the element on top.
FOCUS_ON_TOP = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { text: e.textContent.trim(), inDrawer: !!e.closest('.md-sidebar--primary'),
           onTop: !!top && (top === e || e.contains(top)), open: document.getElementById('__drawer').checked }; }"""


@pytest.mark.parametrize("path", ["fokusomrader/resirkulering/", "en/kontakt/"])
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

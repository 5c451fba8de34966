"""What a keyboard-only reader does, as the gates check it: the skip link,
and Tab through every stop with a visible focus indicator."""
from __future__ import annotations

MAX_TABS = 300
SKIP_LINK_STATE = """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return { text: e.textContent.trim(), href: e.getAttribute("href"), visible: r.width > 0 && r.height > 0 && r.top >= 0
           && r.bottom <= innerHeight && s.opacity === "1" && s.visibility === "visible" && s.clipPath === "none" }; }"""
SKIP_LINK_SHOWN = f"() => ({SKIP_LINK_STATE})().visible"
FOCUSED_ELEMENT = "() => document.activeElement.tagName + '#' + document.activeElement.id"

# Records every Tab stop as focus arrives (marking the element, and the look
# of its focus), until focus comes back to a marked one. For a hidden radio
# (the palette toggle) the look of its label is what the reader sees.
RECORD_STOPS = """
() => {
  const shownFor = (element) => element.offsetWidth === 0 && element.nextElementSibling?.tagName === "LABEL" ? element.nextElementSibling : element;
  const look = (element) => {
    const style = getComputedStyle(shownFor(element));
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join("|");
  };
  const record = { stops: [], around: false, look };
  window.__cpcTabs = record;
  document.addEventListener("focusin", (event) => {
    const element = event.target;
    if (record.around || element === document.body) return;
    if (element.hasAttribute("data-cpc-tab")) { record.around = true; return; }
    element.setAttribute("data-cpc-tab", record.stops.length);
    const shown = shownFor(element), style = getComputedStyle(shown), box = shown.getBoundingClientRect();
    record.stops.push({
      name: `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute("href") || ""} "${(element.textContent || "").trim().slice(0, 40)}"`,
      look: look(element),
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      width: box.width, height: box.height,
    });
  });
}
"""
# Each recorded stop's look once focus has left it.
UNFOCUSED_LOOKS = """
() => window.__cpcTabs.stops.map((stop, index) => {
  const element = document.querySelector(`[data-cpc-tab="${index}"]`);
  return element ? window.__cpcTabs.look(element) : "gone";
})
"""
# Visible elements a reader could operate that Tab did not reach.
UNREACHED = """
() => [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter((element) => !element.disabled && element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().height > 0 && !element.closest("[inert]"))
  .filter((element) => !element.hasAttribute("data-cpc-tab"))
  .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute("href") || ""}`)
"""


def skip_link_problems(page, expected_text: str, target: str) -> list[str]:
    """On a freshly loaded page: the first Tab stop is the visible skip
    link to `target` ("#id"), and Enter moves focus there."""
    page.keyboard.press("Tab")
    page.wait_for_function(SKIP_LINK_SHOWN)  # the link fades in (a CSS transition)
    state = page.evaluate(SKIP_LINK_STATE)
    wanted = {"text": expected_text, "href": target, "visible": True}
    if state != wanted:
        return [f"the first Tab stop is {state}, expected the skip link {wanted}"]
    page.keyboard.press("Enter")
    focused = page.evaluate(FOCUSED_ELEMENT)
    return [] if focused.endswith(target) else [f"the skip link moved focus to {focused}, not {target}"]


def tab_stops(page) -> list[dict]:
    """Press Tab until focus comes back around; each stop as focus reached it."""
    page.evaluate(RECORD_STOPS)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("window.__cpcTabs.around"):
            return page.evaluate("window.__cpcTabs.stops")
    raise AssertionError(f"focus never came back around after {MAX_TABS} Tab presses")


def focus_problems(page) -> list[str]:
    """Tab reaches every visible interactive element, each with a size and a
    focus indicator (outline, or an outline or shadow unlike its unfocused look)."""
    stops, problems = tab_stops(page), []
    page.evaluate("document.activeElement.blur()")
    for stop, unfocused in zip(stops, page.evaluate(UNFOCUSED_LOOKS)):
        if stop["width"] == 0 or stop["height"] == 0:
            problems.append(f"Tab stop without size: {stop['name']}")
        elif not (stop["outline"] and stop["look"] != unfocused) and stop["look"].split("|")[3] == unfocused.split("|")[3]:
            problems.append(f"no visible focus indicator on {stop['name']} (focused {stop['look']}, unfocused {unfocused})")
    problems += [f"not reachable with Tab: {name}" for name in page.evaluate(UNREACHED)]
    if len(stops) < 5:
        problems.append(f"only {len(stops)} Tab stops")
    return problems

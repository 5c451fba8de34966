"""Shared helpers for the quality gates (tests/test_quality_*.py).

Pages are discovered from the built site, never listed by hand, so every page
added later is checked too. The 404 page is visited the way GitHub Pages
serves it: at a missing path in each language's folder.
"""
from __future__ import annotations

from pathlib import Path

# Missing paths that get 404.html, one per language folder.
MISSING_PAGES = ("cpc-missing-page/", "en/cpc-missing-page/")
DESKTOP = {"width": 1280, "height": 800}
# Records CSP violations from the first byte on (init scripts run before the page's).
RECORD_VIOLATIONS = """
window.__cpcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cpcViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def built_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every built HTML page, then the 404 page's visits."""
    pages = []
    for file in sorted(Path(site_dir).rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel == "404.html":
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    if not (Path(site_dir) / "404.html").is_file():
        raise AssertionError(f"{site_dir}/404.html was not built")
    english = [page for page in pages if page.startswith("en/")]
    norwegian = [page for page in pages if not page.startswith("en/")]
    # A sanity check, so a broken discovery cannot pass every gate vacuously.
    if not english or len(english) != len(norwegian):
        raise AssertionError(f"expected as many English as Norwegian pages, found {len(english)} and {len(norwegian)}")
    return pages + list(MISSING_PAGES)


def is_missing_page(path: str) -> bool:
    return path in MISSING_PAGES


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "nb"


def new_context(browser, **options):
    """A browser context (desktop unless told otherwise) that records CSP violations."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.add_init_script(RECORD_VIOLATIONS)
    return context


def open_page(page, url: str):
    """Load `url` and wait until the network is quiet (search index included)."""
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response


def palette_toggle(page):
    """The header's visible theme toggle (the label of the next scheme)."""
    return page.locator('form[data-md-component="palette"] label:visible')


def color_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def switch_scheme(page, wanted: str) -> None:
    """Switch to `wanted` ("default" or "slate") with the site's own toggle."""
    if color_scheme(page) != wanted:
        palette_toggle(page).click()
        page.wait_for_function("wanted => document.body.getAttribute('data-md-color-scheme') === wanted", arg=wanted)
    # The switch fades colours; checks must see the final ones.
    page.wait_for_function("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState === 'finished')")


def load_hook(name: str):
    """Import hooks/<name>.py (hooks are files, not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"cpc_quality_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

"""axe-core (from axe-playwright-python) in the page, as every gate runs it."""
from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT

from support.browser import TRANSITIONS_DONE

# The accessibility checks every gate runs (axe-core tags). Passing rules are
# listed without their nodes: a gate needs the violations in full.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
               "resultTypes": ["violations"]}


def run_axe(page) -> dict:
    """axe's results for the page as it is now, once transitions have ended
    (checks must see final colours). The script is injected once per document."""
    page.wait_for_function(TRANSITIONS_DONE)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    # axe ran the requested rules (not a silent no-op).
    assert results["passes"], f"axe checked nothing on {page.url}"
    return results


def axe_problems(page, label: str) -> list[str]:
    """One line per violation: `label` rule: help (count, up to three targets)."""
    lines = []
    for violation in run_axe(page)["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{label} {violation['id']}: {violation['help']} ({len(violation['nodes'])}×, e.g. {targets})")
    return lines

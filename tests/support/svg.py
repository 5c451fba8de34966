"""Reading the goal charts' SVG in tests."""
from __future__ import annotations

SVG_NS = {"svg": "http://www.w3.org/2000/svg"}


def by_class(root, tag: str, cls: str) -> list:
    """Every <tag> element under `root` with the class `cls`."""
    return [el for el in root.iter(f"{{{SVG_NS['svg']}}}{tag}") if cls in el.get("class", "").split()]


def one(root, tag: str, cls: str):
    """The one <tag> element with the class `cls`; fails on none or several."""
    found = by_class(root, tag, cls)
    assert len(found) == 1, (tag, cls, found)
    return found[0]

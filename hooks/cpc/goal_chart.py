"""Geometry of a goal chart: where each line, point and label goes.

Pure numbers for the `chart` macro in overrides/partials/cpc-goals.html,
which draws the SVG. Labels arrive already written in the reader's language.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int


# The status line (how far the latest measurement has come) has its own row on top.
FULL = Frame(420, 230, 44, 20, 46, 30)
COMPACT = Frame(260, 130, 14, 14, 42, 24)
STATUS_Y = 16
# Rough label size in the chart's units, to keep two labels from overlapping.
CHAR_WIDTH, LINE_HEIGHT = 6.5, 12


def _span(x: float, anchor: str, text: str) -> tuple[float, float]:
    width = len(text) * CHAR_WIDTH
    start = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return start, start + width


def overlaps(a: tuple, b: tuple) -> bool:
    """Whether two labels, each (x, y, anchor, text), would overlap."""
    (ax0, ax1), (bx0, bx1) = _span(a[0], a[2], a[3]), _span(b[0], b[2], b[3])
    return abs(a[1] - b[1]) < LINE_HEIGHT and ax0 < bx1 and bx0 < ax1


def y_max(goal) -> int:
    """Top of the value axis: a round number a little above every value."""
    values = [goal.target.value] + [m.value for m in goal.measurements]
    if goal.baseline:
        values.append(goal.baseline.value)
    top = max(values) * 1.1
    return 10 if top <= 10 else min(100, -(-int(top) // 10) * 10)


def year_span(goal) -> tuple[int, int]:
    years = [goal.target.year] + [m.year for m in goal.measurements]
    if goal.baseline:
        return goal.baseline.year, max(years)
    # Target-only: one unlabelled year of room before the first year shown.
    return min(years) - 1, max(years)


def chart(goal, frame: Frame, name: str, label, target_label: str, status: str | None) -> dict:
    """Shapes of one quantitative goal's chart; `label(value)` writes a percentage."""
    first, last = year_span(goal)
    top = y_max(goal)
    plot_w = frame.width - frame.left - frame.right
    plot_h = frame.height - frame.top - frame.bottom

    def x(year: float) -> float:
        return round(frame.left + (year - first) / (last - first) * plot_w, 1)

    def y(value: float) -> float:
        return round(frame.top + (1 - value / top) * plot_h, 1)

    compact = frame == COMPACT
    left, right, bottom = frame.left, frame.width - frame.right, y(0)
    year_y = bottom + (15 if compact else 16)
    tx, ty = x(goal.target.year), y(goal.target.value)
    shape = {
        "frame": frame, "compact": compact, "name": name,
        "grid": [] if compact else [{"y": y(v), "label": label(round(v, 1)), "label_y": y(v) + 4} for v in (0, top / 2, top)],
        "left": left, "right": right, "bottom": bottom, "year_y": year_y,
        "target": {"x": tx, "y": ty, "year": goal.target.year,
                   "year_anchor": "end" if tx > right - 20 else "middle", "label": target_label},
        "baseline": None, "actual": None, "measurements": [], "latest": None,
        "status": {"x": left, "y": STATUS_Y, "text": status} if status else None,
    }
    if goal.baseline:
        bx, by = x(goal.baseline.year), y(goal.baseline.value)
        shape["baseline"] = {"x": bx, "y": by, "year": goal.baseline.year, "label": label(goal.baseline.value)}
        shape["target"] |= {"label_x": tx, "label_y": ty - 10, "label_anchor": "end" if tx > right - 40 else "middle"}
    else:  # a threshold line, labelled at its start, clear of the points
        shape["target"] |= {"label_x": left, "label_y": ty - 8, "label_anchor": "start"}
    points = ([(shape["baseline"]["x"], shape["baseline"]["y"])] if goal.baseline else []) + [
        (x(m.year), y(m.value)) for m in goal.measurements]
    if goal.measurements and len(points) > 1:
        shape["actual"] = " ".join(f"{px},{py}" for px, py in points)
    shape["measurements"] = [{"x": x(m.year), "y": y(m.value)} for m in goal.measurements]
    if goal.latest:
        lx, ly = x(goal.latest.year), y(goal.latest.value)
        shape["latest"] = {
            "x": lx, "y": ly + 18 if ly < frame.top + 20 else ly - 10,
            "anchor": "end" if lx > right - 50 else "start" if lx < left + 50 else "middle",
            "text": f"{label(goal.latest.value)} ({goal.latest.year})",
        }
        latest, target = shape["latest"], shape["target"]
        if overlaps((latest["x"], latest["y"], latest["anchor"], latest["text"]),
                    (target["label_x"], target["label_y"], target["label_anchor"], target["label"])):
            # The target's label moves to its own point, at the right.
            target |= {"label_x": tx, "label_y": ty - 10, "label_anchor": "end"}
    return shape

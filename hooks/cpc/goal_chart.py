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
        # The label sits on the side of its point away from the planned path:
        # below a rising path, unless that would reach the axis.
        below = ty < by and by + 16 <= bottom - 3
        shape["baseline"] = {"x": bx, "y": by, "year": goal.baseline.year, "label": label(goal.baseline.value),
                             "label_x": bx + 7, "label_y": by + 16 if below else by - 8}
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
        text = f"{label(goal.latest.value)} ({goal.latest.year})"
        anchor = "end" if lx > right - 50 else "start" if lx < left + 50 else "middle"
        # The planned path (or the threshold) at the latest point: its label
        # goes on the other side, so the dashed line never strikes it; where
        # there is no room, beside the point, where the path runs away from it.
        base = shape["baseline"]
        slope = (ty - base["y"]) / (tx - base["x"]) if base and tx != base["x"] else 0
        path_y = ty if not base else base["y"] + slope * (lx - base["x"])
        behind = ly > path_y  # the path runs above the point

        def beside() -> tuple:
            width = len(text) * CHAR_WIDTH
            leftwards = slope > 0 if behind else slope < 0
            fits_left, fits_right = lx - 8 - width >= 0, lx + 8 + width <= frame.width
            if leftwards and fits_left or not fits_right:
                return lx - 8, ly + 4, "end"
            return lx + 8, ly + 4, "start"

        if behind:
            position = (lx, ly + 18, anchor) if ly + 18 <= bottom - 3 else beside()
        else:  # on or ahead of the plan: above, where the status row leaves room
            position = (lx, ly - 10, anchor) if ly >= frame.top + 20 else beside()
        shape["latest"] = {"x": position[0], "y": position[1], "anchor": position[2], "text": text}
        latest, target = shape["latest"], shape["target"]
        if overlaps((latest["x"], latest["y"], latest["anchor"], latest["text"]),
                    (target["label_x"], target["label_y"], target["label_anchor"], target["label"])):
            # The target's label moves to its own point, at the right.
            target |= {"label_x": tx, "label_y": ty - 10, "label_anchor": "end"}
    return shape

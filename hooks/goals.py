"""The cluster's goals, from data/goals.yml, drawn at build time.

- data/goals.yml is validated on load; any problem stops the build with a
  message naming the file, the goal and the field.
- Each quantitative goal becomes an inline SVG chart (no JavaScript) with a
  table or list beside it that gives the same numbers and links the sources.
- The Goals page gets the full view where it says <!-- cpc-goals -->; the home
  page template gets the compact view as `goals_compact`.
- GOALS_FILE=path/to/other.yml builds with another data file (tests, previews).

Texts come from goals.yml (titles, explanations) and data/ui.yml (`goals_*`).
"""
from __future__ import annotations

import datetime
import difflib
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

GOALS_FILE = "data/goals.yml"
MARKER = "<!-- cpc-goals -->"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("quantitative", "qualitative")
TEXT_FIELDS = ("title", "explanation")
QUANTITATIVE_FIELDS = ("unit", "baseline", "target", "measurements")
GOAL_FIELDS = ("id", "kind", *TEXT_FIELDS, *QUANTITATIVE_FIELDS)
POINT_FIELDS = ("value", "year")
TARGET_FIELDS = ("value", "year", "at_least")
MEASUREMENT_FIELDS = ("year", "value", "source_title", "source_url")
# The data/ui.yml texts this hook uses, checked at start-up.
UI_KEYS = (
    "goals_at_least", "goals_baseline", "goals_behind", "goals_chart_latest", "goals_chart_name",
    "goals_chart_path", "goals_chart_target_only", "goals_col_item", "goals_col_source", "goals_col_value",
    "goals_col_year", "goals_decimal_separator", "goals_latest", "goals_measurement", "goals_no_baseline",
    "goals_no_measurement", "goals_percent", "goals_progress", "goals_progress_target_only",
    "goals_qualitative", "goals_reached", "goals_source", "goals_table_caption", "goals_target", "goals_to",
)


# --------------------------------------------------------------------------
# Data and validation
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    year: int
    value: float


@dataclass(frozen=True)
class Measurement:
    year: int
    value: float
    source_title: str
    source_url: str


@dataclass(frozen=True)
class Goal:
    id: str
    kind: str
    title: dict
    explanation: dict
    unit: str | None = None
    baseline: Point | None = None
    target: Point | None = None
    at_least: bool = False
    measurements: tuple = ()

    @property
    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    def progress(self) -> float | None:
        """Share of the way from baseline to target (1.0 = reached), or None.

        A target-only goal ("at least 5 %") counts from zero: the share of
        packaging replaced starts at nothing by definition."""
        if self.latest is None:
            return None
        start = self.baseline.value if self.baseline else 0
        return (self.latest.value - start) / (self.target.value - start)


class GoalsError(PluginError):
    pass


class _Checker:
    """Builds error messages that name the file, the goal and the field."""

    def __init__(self, label: str):
        self.label = label
        self.goal = None

    def fail(self, field: str | None, problem: str):
        where = f"goal '{self.goal}'" if self.goal else "top level"
        field_part = f", field '{field}'" if field else ""
        raise GoalsError(f"{self.label}: {where}{field_part}: {problem}")

    def known_fields(self, mapping: dict, allowed: tuple, prefix: str = ""):
        for key in mapping:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                tip = f" Did you mean '{prefix}{hint[0]}'?" if hint else f" Allowed: {', '.join(allowed)}."
                self.fail(f"{prefix}{key}", f"unknown field.{tip}")

    def require(self, mapping: dict, field: str, prefix: str = ""):
        if field not in mapping:
            self.fail(f"{prefix}{field}", "missing field.")
        return mapping[field]

    def mapping(self, value, field: str, shape: str) -> dict:
        if not isinstance(value, dict):
            self.fail(field, f"expected {shape}, got {value!r}.")
        return value

    def year(self, value, field: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"expected a year such as 2024, got {value!r}.")
        return value

    def percent(self, value, field: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, f"expected a number (use '.' for decimals, no '%'), got {value!r}.")
        if not 0 <= value <= 100:
            self.fail(field, f"{value} is outside 0–100 (a percentage).")
        return value

    def texts(self, value, field: str, locales: list[str]) -> dict:
        texts = self.mapping(value, field, "one text per language: " + ", ".join(f"{l}: ..." for l in locales))
        self.known_fields(texts, tuple(locales), f"{field}.")
        for locale in locales:
            text = texts.get(locale)
            if not isinstance(text, str) or not text.strip():
                self.fail(f"{field}.{locale}", f"missing translation. Add `{locale}: ...` under '{field}'.")
            if re.search(r"\d", text):
                self.fail(f"{field}.{locale}", "contains a digit; numbers belong in baseline, target or measurements so they are written once.")
        return {locale: texts[locale].strip() for locale in locales}


def validate_goals(data, label: str, locales: list[str], this_year: int) -> list[Goal]:
    """Turn the parsed YAML into Goals, or raise GoalsError naming what is wrong."""
    check = _Checker(label)
    data = check.mapping(data, "goals", "a mapping with a 'goals:' list")
    check.known_fields(data, ("goals",))
    entries = check.require(data, "goals")
    if not isinstance(entries, list) or not entries:
        check.fail("goals", "expected a non-empty list of goals.")
    goals: list[Goal] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        check.goal = f"#{number}"
        entry = check.mapping(entry, None, "a goal with id, kind, title, ...")
        goal_id = check.require(entry, "id")
        if not isinstance(goal_id, str) or not ID_PATTERN.match(goal_id):
            check.fail("id", f"{goal_id!r} is not a lowercase-with-hyphens id such as 'materialgjenvinning'.")
        check.goal = goal_id
        if goal_id in seen:
            check.fail("id", "duplicate id; every goal needs its own.")
        seen.add(goal_id)
        check.known_fields(entry, GOAL_FIELDS)
        kind = check.require(entry, "kind")
        if kind not in KINDS:
            check.fail("kind", f"{kind!r} is not one of: {', '.join(KINDS)}.")
        texts = {field: check.texts(check.require(entry, field), field, locales) for field in TEXT_FIELDS}
        if kind == "qualitative":
            for field in QUANTITATIVE_FIELDS:
                if field in entry:
                    check.fail(field, "a qualitative goal has no numbers; remove this field or make the goal quantitative.")
            goals.append(Goal(goal_id, kind, texts["title"], texts["explanation"]))
            continue
        goals.append(_quantitative(check, entry, goal_id, texts, this_year))
    return goals


def _quantitative(check: _Checker, entry: dict, goal_id: str, texts: dict, this_year: int) -> Goal:
    unit = check.require(entry, "unit")
    if unit != "%":
        check.fail("unit", f"{unit!r} is not supported; use \"%\".")
    baseline = None
    raw = check.require(entry, "baseline")
    if raw is not None:  # null marks a target-only goal
        raw = check.mapping(raw, "baseline", "{value: ..., year: ...} or null")
        check.known_fields(raw, POINT_FIELDS, "baseline.")
        baseline = Point(
            check.year(check.require(raw, "year", "baseline."), "baseline.year"),
            check.percent(check.require(raw, "value", "baseline."), "baseline.value"),
        )
    raw = check.mapping(check.require(entry, "target"), "target", "{value: ..., year: ...}")
    check.known_fields(raw, TARGET_FIELDS, "target.")
    target = Point(
        check.year(check.require(raw, "year", "target."), "target.year"),
        check.percent(check.require(raw, "value", "target."), "target.value"),
    )
    at_least = raw.get("at_least", False)
    if not isinstance(at_least, bool):
        check.fail("target.at_least", f"expected true or false, got {at_least!r}.")
    if baseline:
        if target.year <= baseline.year:
            check.fail("target.year", f"{target.year} is not after baseline.year {baseline.year}.")
        if target.value == baseline.value:
            check.fail("target.value", "equals baseline.value; there would be no way to go.")
    elif target.value <= 0:
        check.fail("target.value", "must be above 0 for a goal without a baseline.")
    raw = entry.get("measurements") or []
    if not isinstance(raw, list):
        check.fail("measurements", "expected a list (or [] for none yet).")
    measurements = [_measurement(check, item, n, baseline, this_year) for n, item in enumerate(raw, start=1)]
    years = [m.year for m in measurements]
    for year in years:
        if years.count(year) > 1:
            check.fail("measurements", f"two measurements for {year}; keep one per year.")
    return Goal(goal_id, "quantitative", texts["title"], texts["explanation"], unit, baseline, target,
                at_least, tuple(sorted(measurements, key=lambda m: m.year)))


def _measurement(check: _Checker, item, number: int, baseline: Point | None, this_year: int) -> Measurement:
    prefix = f"measurements[{number}]."
    item = check.mapping(item, prefix[:-1], "{year, value, source_title, source_url}")
    check.known_fields(item, MEASUREMENT_FIELDS, prefix)
    year = check.year(check.require(item, "year", prefix), prefix + "year")
    first = baseline.year if baseline else None
    if year > this_year or (first is not None and year < first):
        span = f"{first}..{this_year}" if first is not None else f"up to {this_year}"
        check.fail(prefix + "year", f"{year} is outside {span} (baseline year to this year).")
    value = check.percent(check.require(item, "value", prefix), prefix + "value")
    title = check.require(item, "source_title", prefix)
    if not isinstance(title, str) or not title.strip():
        check.fail(prefix + "source_title", "the source needs a title.")
    url = check.require(item, "source_url", prefix)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        check.fail(prefix + "source_url", f"{url!r} is not an http(s) address such as https://www.ssb.no/...")
    return Measurement(year, value, title.strip(), url)


def load_goals(path: Path, label: str, locales: list[str], this_year: int | None = None) -> list[Goal]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise GoalsError(f"{label}: file not found.") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise GoalsError(f"{label}: not valid YAML: {error}") from error
    return validate_goals(data, label, locales, this_year or datetime.date.today().year)


# --------------------------------------------------------------------------
# Text formatting (strings from data/ui.yml)
# --------------------------------------------------------------------------

def number(value: float, ui: dict) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", ui["goals_decimal_separator"])


def percent(value: float, ui: dict) -> str:
    return ui["goals_percent"].format(value=number(value, ui))


def target_text(goal: Goal, ui: dict) -> str:
    text = percent(goal.target.value, ui)
    return ui["goals_at_least"].format(value=text) if goal.at_least else text


def progress_text(goal: Goal, ui: dict) -> str:
    progress = goal.progress()
    if progress is None:
        return ui["goals_no_measurement"]
    if progress >= 1:
        return ui["goals_reached"]
    if progress < 0:
        return ui["goals_behind"]
    key = "goals_progress" if goal.baseline else "goals_progress_target_only"
    return ui[key].format(percent=percent(round(progress * 100), ui))


def chart_name(goal: Goal, lang: str, ui: dict) -> str:
    """The chart's accessible name: the same facts the picture shows."""
    parts = [ui["goals_chart_name"].format(title=goal.title[lang])]
    if goal.baseline:
        parts.append(ui["goals_chart_path"].format(
            baseline=percent(goal.baseline.value, ui), baseline_year=goal.baseline.year,
            target=target_text(goal, ui), target_year=goal.target.year))
    else:
        parts.append(ui["goals_chart_target_only"].format(target=target_text(goal, ui), target_year=goal.target.year))
    if goal.latest:
        parts.append(ui["goals_chart_latest"].format(value=percent(goal.latest.value, ui), year=goal.latest.year))
    parts.append(progress_text(goal, ui) + ".")
    return " ".join(parts)


# --------------------------------------------------------------------------
# SVG chart
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int


# The status line (progress or "no measurement yet") has its own row on top.
FULL = Frame(420, 230, 44, 20, 46, 30)
COMPACT = Frame(260, 130, 14, 14, 42, 24)
STATUS_Y = 16


def y_max(goal: Goal) -> int:
    """Top of the value axis: a round number a little above every value."""
    values = [goal.target.value] + [m.value for m in goal.measurements]
    if goal.baseline:
        values.append(goal.baseline.value)
    top = max(values) * 1.1
    return 10 if top <= 10 else min(100, -(-int(top) // 10) * 10)


def year_span(goal: Goal) -> tuple[int, int]:
    years = [goal.target.year] + [m.year for m in goal.measurements]
    if goal.baseline:
        return goal.baseline.year, max(years)
    # Target-only: one unlabelled year of room before the first year shown.
    return min(years) - 1, max(years)


def scales(goal: Goal, frame: Frame):
    first, last = year_span(goal)
    top = y_max(goal)
    plot_w = frame.width - frame.left - frame.right
    plot_h = frame.height - frame.top - frame.bottom

    def x(year: float) -> float:
        return round(frame.left + (year - first) / (last - first) * plot_w, 1)

    def y(value: float) -> float:
        return round(frame.top + (1 - value / top) * plot_h, 1)

    return x, y, top


def _text(x, y, content, cls, anchor="middle") -> str:
    return f'<text x="{x}" y="{y}" class="{cls}" text-anchor="{anchor}">{escape(content)}</text>'


def chart_svg(goal: Goal, lang: str, ui: dict, id_prefix: str, compact: bool = False) -> str:
    """An inline SVG of one quantitative goal; colours come from CSS classes."""
    frame = COMPACT if compact else FULL
    x, y, top = scales(goal, frame)
    bottom_y, left_x, right_x = y(0), frame.left, frame.width - frame.right
    title_id = f"{id_prefix}-chart-title"
    out = [
        # data-search-exclude: the table beside the chart holds the same
        # numbers for search; Material strips the attribute after indexing.
        f'<svg class="cpc-goal-chart{" cpc-goal-chart--compact" if compact else ""}" role="img" data-search-exclude="true" '
        f'aria-labelledby="{title_id}" viewBox="0 0 {frame.width} {frame.height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(chart_name(goal, lang, ui))}</title>',
    ]
    # Value grid (full view only): 0, half and top.
    if not compact:
        for value in (0, top / 2, top):
            out.append(f'<line class="cpc-goal-chart__grid" x1="{left_x}" y1="{y(value)}" x2="{right_x}" y2="{y(value)}"/>')
            out.append(_text(left_x - 6, y(value) + 4, percent(round(value, 1), ui), "cpc-goal-chart__label", "end"))
    out.append(f'<line class="cpc-goal-chart__axis" x1="{left_x}" y1="{bottom_y}" x2="{right_x}" y2="{bottom_y}"/>')
    # Year axis: the baseline year and the target's year.
    tx, ty = x(goal.target.year), y(goal.target.value)
    year_y = bottom_y + (16 if not compact else 15)
    if goal.baseline:
        bx, by = x(goal.baseline.year), y(goal.baseline.value)
        out.append(_text(bx, year_y, str(goal.baseline.year), "cpc-goal-chart__year", "start"))
        # The planned path from baseline to target.
        out.append(f'<line class="cpc-goal-chart__path" x1="{bx}" y1="{by}" x2="{tx}" y2="{ty}"/>')
    else:
        # Target-only: the level to reach, drawn as a threshold.
        out.append(f'<line class="cpc-goal-chart__path cpc-goal-chart__threshold" x1="{left_x}" y1="{ty}" x2="{tx}" y2="{ty}"/>')
    out.append(_text(tx, year_y, str(goal.target.year), "cpc-goal-chart__year cpc-goal-chart__target-year",
                     "end" if tx > right_x - 20 else "middle"))
    # Measurements: the actual course, from the baseline on.
    points = ([(bx, by)] if goal.baseline else []) + [(x(m.year), y(m.value)) for m in goal.measurements]
    if goal.measurements and len(points) > 1:
        coords = " ".join(f"{px},{py}" for px, py in points)
        out.append(f'<polyline class="cpc-goal-chart__actual" points="{coords}"/>')
    if goal.baseline:
        out.append(f'<circle class="cpc-goal-chart__baseline" cx="{bx}" cy="{by}" r="4"/>')
        out.append(_text(bx + 7, by - 8, percent(goal.baseline.value, ui), "cpc-goal-chart__value", "start"))
    out.append(f'<circle class="cpc-goal-chart__target" cx="{tx}" cy="{ty}" r="5"/>')
    if goal.baseline:
        out.append(_text(tx, ty - 10, target_text(goal, ui), "cpc-goal-chart__value cpc-goal-chart__target-value",
                         "end" if tx > right_x - 40 else "middle"))
    else:  # labels the threshold line at its start, clear of the points
        out.append(_text(left_x, ty - 8, target_text(goal, ui), "cpc-goal-chart__value cpc-goal-chart__target-value", "start"))
    for m in goal.measurements:
        out.append(f'<circle class="cpc-goal-chart__measurement" cx="{x(m.year)}" cy="{y(m.value)}" r="4"/>')
    if goal.latest:
        lx, ly = x(goal.latest.year), y(goal.latest.value)
        label_y = ly + 18 if ly < frame.top + 20 else ly - 10
        anchor = "end" if lx > right_x - 50 else "start" if lx < left_x + 50 else "middle"
        out.append(_text(lx, label_y, f"{percent(goal.latest.value, ui)} ({goal.latest.year})",
                         "cpc-goal-chart__value cpc-goal-chart__latest", anchor))
        out.append(_text(left_x, STATUS_Y, progress_text(goal, ui), "cpc-goal-chart__status", "start"))
    else:
        out.append(_text(left_x, STATUS_Y, ui["goals_no_measurement"], "cpc-goal-chart__status cpc-goal-chart__none", "start"))
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------
# HTML views
# --------------------------------------------------------------------------

def headline(goal: Goal, ui: dict) -> str:
    """The goal as a figure: "21 % → 55 %" or "minst 5 %"."""
    target = escape(target_text(goal, ui))
    if not goal.baseline:
        return target
    arrow = f'<span aria-hidden="true">→</span><span class="cpc-visually-hidden">{escape(ui["goals_to"])}</span>'
    return f"{escape(percent(goal.baseline.value, ui))} {arrow} {target}"


def source_link(m: Measurement) -> str:
    return f'<a href="{escape(m.source_url)}">{escape(m.source_title)}</a>'


def latest_text(goal: Goal, ui: dict) -> str:
    if not goal.latest:
        return escape(ui["goals_no_measurement"])
    m = goal.latest
    return (f'{escape(percent(m.value, ui))} ({m.year}), {escape(ui["goals_source"])}: {source_link(m)}. '
            f'{escape(progress_text(goal, ui))}.')


def facts_list(goal: Goal, ui: dict) -> str:
    """Compact text alternative: the same numbers as the chart."""
    if goal.baseline:
        baseline = f"{escape(percent(goal.baseline.value, ui))} ({goal.baseline.year})"
    else:
        baseline = escape(ui["goals_no_baseline"])
    rows = [
        ("goals_baseline", "cpc-goal__baseline", baseline),
        ("goals_target", "cpc-goal__target", f"{escape(target_text(goal, ui))} ({goal.target.year})"),
        ("goals_latest", "cpc-goal__latest", latest_text(goal, ui)),
    ]
    items = "".join(f'<div><dt>{escape(ui[key])}</dt><dd class="{cls}">{value}</dd></div>' for key, cls, value in rows)
    return f'<dl class="cpc-goal__facts">{items}</dl>'


def facts_table(goal: Goal, lang: str, ui: dict) -> str:
    """Full text alternative: every number in the chart, sources linked."""
    head = "".join(f'<th scope="col">{escape(ui[key])}</th>' for key in
                   ("goals_col_item", "goals_col_year", "goals_col_value", "goals_col_source"))
    rows = []
    if goal.baseline:
        rows.append(("goals_baseline", "cpc-goal__baseline", str(goal.baseline.year), percent(goal.baseline.value, ui), ""))
    else:
        rows.append(("goals_baseline", "cpc-goal__baseline", "", ui["goals_no_baseline"], ""))
    rows.append(("goals_target", "cpc-goal__target", str(goal.target.year), target_text(goal, ui), ""))
    for m in goal.measurements:
        rows.append(("goals_measurement", "cpc-goal__measurement", str(m.year), percent(m.value, ui), source_link(m)))
    body = "".join(
        f'<tr class="{cls}"><th scope="row">{escape(ui[key])}</th><td>{year}</td><td>{escape(value)}</td><td>{source}</td></tr>'
        for key, cls, year, value, source in rows
    )
    caption = escape(ui["goals_table_caption"].format(title=goal.title[lang]))
    return f'<table class="cpc-goal__table"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def full_view(goals: list[Goal], lang: str, ui: dict) -> str:
    parts = ['<div class="cpc-goals">']
    for goal in goals:
        prefix = f"cpc-goal-{goal.id}"
        title = escape(goal.title[lang])
        if goal.kind == "qualitative":
            parts.append(
                f'<div class="cpc-goal cpc-goal--qualitative" id="{prefix}" data-goal="{goal.id}">'
                f'<h3 id="{prefix}-title">{title}</h3>'
                f'<p class="cpc-goal__kind">{escape(ui["goals_qualitative"])}</p>'
                f'<p>{escape(goal.explanation[lang])}</p></div>')
            continue
        parts.append(
            f'<div class="cpc-goal" id="{prefix}" data-goal="{goal.id}">'
            f'<h3 id="{prefix}-title">{title}</h3>'
            f'<p class="cpc-goal__figure">{headline(goal, ui)}</p>'
            f'<p>{escape(goal.explanation[lang])}</p>'
            f'<div class="cpc-goal__data">'
            f'<div class="cpc-goal__chart">{chart_svg(goal, lang, ui, prefix)}</div>'
            f'<div class="cpc-goal__text">{facts_table(goal, lang, ui)}'
            f'<p class="cpc-goal__status"><strong>{escape(ui["goals_latest"])}:</strong> {latest_text(goal, ui)}</p>'
            f'</div></div></div>')
    parts.append("</div>")
    return "".join(parts)


def compact_view(goals: list[Goal], lang: str, ui: dict) -> str:
    parts = ['<ul class="cpc-cards cpc-goals-compact">']
    for goal in goals:
        prefix = f"cpc-goal-compact-{goal.id}"
        title = f'<h3 class="cpc-card__title">{escape(goal.title[lang])}</h3>'
        if goal.kind == "qualitative":
            parts.append(
                f'<li class="cpc-card cpc-goal-card cpc-goal-card--qualitative" data-goal="{goal.id}">{title}'
                f'<p class="cpc-goal__kind">{escape(ui["goals_qualitative"])}</p>'
                f'<p>{escape(goal.explanation[lang])}</p></li>')
            continue
        parts.append(
            f'<li class="cpc-card cpc-goal-card" data-goal="{goal.id}">{title}'
            f'<p class="cpc-goal__figure">{headline(goal, ui)}</p>'
            f'{chart_svg(goal, lang, ui, prefix, compact=True)}'
            f'{facts_list(goal, ui)}</li>')
    parts.append("</ul>")
    return "".join(parts)


# --------------------------------------------------------------------------
# MkDocs events
# --------------------------------------------------------------------------

_state: dict = {"goals": [], "compact": {}}


def goals_path(config) -> tuple[Path, str]:
    """The data file and how messages name it."""
    root = Path(config.config_file_path).parent
    override = os.environ.get("GOALS_FILE")
    path = Path(override) if override else root / GOALS_FILE
    if not path.is_absolute():
        path = root / path
    try:
        label = path.relative_to(root).as_posix()
    except ValueError:
        label = str(path)
    return path, label


def on_config(config):
    path, label = goals_path(config)
    strings = config.extra.get("ui")
    if not strings:
        raise PluginError("mkdocs.yml: list hooks/translations.py before hooks/goals.py under hooks:.")
    locales = list(strings)
    missing = [key for key in UI_KEYS if key not in strings[locales[0]]]
    if missing:
        raise PluginError(f"data/ui.yml: missing goals texts: {', '.join(missing)} (nb and en each).")
    _state["goals"] = load_goals(path, label, locales)
    _state["compact"] = {}
    return config


def on_serve(server, config, builder):
    # `make serve` rebuilds when staff edit the data file.
    server.watch(str(goals_path(config)[0]))
    return server


def _lang(page, config) -> str:
    return page.file.locale


def on_page_content(html, page, config, files):
    if MARKER not in html:
        return html
    lang = _lang(page, config)
    return html.replace(MARKER, full_view(_state["goals"], lang, config.extra["ui"][lang]))


def on_page_context(context, page, config, nav):
    if page.meta.get("template") == "home.html":
        lang = _lang(page, config)
        if lang not in _state["compact"]:
            _state["compact"][lang] = compact_view(_state["goals"], lang, config.extra["ui"][lang])
        context["goals_compact"] = _state["compact"][lang]
    return context

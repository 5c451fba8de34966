"""The cluster's goals: data/goals.yml read, validated and turned into views.

Validation happens once, here; every message names the file, the line, the
goal and the field. The views are plain data for the Jinja macros in
overrides/partials/cpc-goals.html, which hold all of the markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cpc import datafile, goal_chart
from cpc.datafile import DataError
from cpc.problems import unknown_fields
from cpc.strings import PLACEHOLDER, fill

GOALS_FILE = "data/goals.yml"
# Another goals file for a test or a preview: GOALS_FILE=path/to/goals.yml.
FILE_VARIABLE = "GOALS_FILE"
MARKER = "<!-- cpc-goals -->"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("quantitative", "qualitative")
TEXT_FIELDS = ("title", "statement")
QUANTITATIVE_FIELDS = ("unit", "baseline", "target", "measurements")
GOAL_FIELDS = ("id", "kind", *TEXT_FIELDS, *QUANTITATIVE_FIELDS)
POINT_FIELDS = ("value", "year")
TARGET_FIELDS = ("value", "year", "at_least")
MEASUREMENT_FIELDS = ("year", "value", "source_title", "source_url")
# What a statement may say in {braces}; the numbers come from the data.
PLACEHOLDERS = {
    "with_baseline": {"baseline", "baseline_year", "target", "target_year"},
    "target_only": {"target", "target_year"},
}


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
    statement: dict
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

        A target-only goal ("at least 5 %") counts from zero."""
        if self.latest is None:
            return None
        start = self.baseline.value if self.baseline else 0
        return (self.latest.value - start) / (self.target.value - start)


class _Checker:
    """Raises DataError naming file, line, goal and field, in Norwegian (for
    staff) and English."""

    def __init__(self, label: str):
        self.label = label
        self.goal = None
        self.entry: datafile.Located | None = None

    def fail(self, field: str | None, nb: str, en: str, where=None):
        """`where` is the mapping that holds the field (the goal by default);
        the message names the line of the field's last key in it."""
        where = where if where is not None else self.entry
        key = field.split(".")[-1].split("[")[0] if field else None
        line = where.line_of(key) if isinstance(where, datafile.Located) and key else getattr(where, "line", None)
        goal_en = f"goal '{self.goal}'" if self.goal else "top level"
        goal_nb = f"målet «{self.goal}»" if self.goal else "øverst i filen"
        field_en = f", field '{field}'" if field else ""
        field_nb = f", feltet «{field}»" if field else ""
        raise DataError(self.label, line, f"{goal_en}{field_en}: {en}", nb=f"{goal_nb}{field_nb}: {nb}")

    def known_fields(self, mapping: dict, allowed: tuple, prefix: str = ""):
        for key, problem in zip([k for k in mapping if k not in allowed], unknown_fields(mapping, allowed, prefix)):
            self.fail(f"{prefix}{key}", problem.nb, problem.en, mapping)

    def require(self, mapping: dict, field: str, prefix: str = ""):
        if field not in mapping:
            if field in ("source_title", "source_url"):
                self.fail(f"{prefix}{field}", "kilden mangler. Hver måling trenger kildens tittel (source_title) og "
                          "nettadresse (source_url). Bruk bare publiserte tall med kilde.", "missing field.", mapping)
            self.fail(f"{prefix}{field}", f"feltet mangler. Legg til «{field}: …».", "missing field.", mapping)
        return mapping[field]

    def mapping(self, value, field: str | None, shape_nb: str, shape_en: str) -> dict:
        if not isinstance(value, dict):
            self.fail(field, f"her skal det stå {shape_nb}, men det står «{value}».", f"expected {shape_en}, got {value!r}.")
        return value

    def year(self, value, field: str, where) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"«{value}» er ikke et årstall. Skriv året med fire sifre, for eksempel 2024.",
                      f"expected a year such as 2024, got {value!r}.", where)
        return value

    def percent(self, value, field: str, where) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            text = str(value).strip()
            plain = text.replace("%", "").replace("\u00a0", " ").strip().replace(",", ".").replace(" ", "")
            fixed = plain if re.fullmatch(r"-?\d+(\.\d+)?", plain) else None
            if fixed and "%" in text:
                nb = f"«{text}» har et %-tegn. Skriv bare tallet, uten %: {fixed}. Prosenttegnet kommer fra «unit»."
            elif fixed and "," in text:
                nb = f"«{text}» har desimalkomma. Skriv tallet med desimalpunktum: {fixed}."
            else:
                nb = f"«{text}» er ikke et tall. Skriv et tall fra 0 til 100, med desimalpunktum, for eksempel 27.5."
            self.fail(field, nb, f"expected a number (use '.' for decimals, no '%'), got {value!r}.", where)
        if not 0 <= value <= 100:
            self.fail(field, f"{value} er utenfor 0–100. Verdien er en prosent, fra 0 til 100.",
                      f"{value} is outside 0–100 (a percentage).", where)
        return value

    def texts(self, value, field: str, locales, allowed: set[str]) -> dict:
        texts = self.mapping(value, field, "én tekst per språk: " + ", ".join(f"{l}: …" for l in locales),
                             "one text per language: " + ", ".join(f"{l}: ..." for l in locales))
        self.known_fields(texts, tuple(locales), f"{field}.")
        for locale in locales:
            text = texts.get(locale)
            if not isinstance(text, str) or not text.strip():
                self.fail(f"{field}.{locale}", f"teksten på dette språket mangler. Legg til «{locale}: …» under «{field}».",
                          f"missing translation. Add `{locale}: ...` under '{field}'.", texts)
            if re.search(r"\d", text):
                self.fail(f"{field}.{locale}", "inneholder et tall. Skriv {target}, {baseline} og lignende i stedet, så "
                          "hvert tall står ett sted: i baseline, target eller measurements.",
                          "contains a digit; write {target}, {baseline} and the like instead, "
                          "so each number is written once, in baseline, target or measurements.", texts)
            used = set(PLACEHOLDER.findall(text))
            unknown = used - allowed
            if unknown:
                names = ", ".join("{" + p + "}" for p in sorted(allowed))
                self.fail(f"{field}.{locale}", f"ukjent plassholder {{{sorted(unknown)[0]}}}; bruk bare "
                          + (names or "vanlig tekst") + ".",
                          f"unknown placeholder {{{sorted(unknown)[0]}}}; use only " + (names or "plain text") + ".",
                          texts)
        return {locale: " ".join(texts[locale].split()) for locale in locales}


def validate_goals(data, label: str, locales, this_year: int) -> list[Goal]:
    """Turn the parsed YAML into Goals, or raise DataError naming what is wrong."""
    check = _Checker(label)
    data = check.mapping(data, "goals", "linjen «goals:» med en liste", "a mapping with a 'goals:' list")
    check.entry = data
    check.known_fields(data, ("goals",))
    entries = check.require(data, "goals")
    if not isinstance(entries, list) or not entries:
        check.fail("goals", "her skal det stå en liste med minst ett mål.", "expected a non-empty list of goals.")
    goals: list[Goal] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        check.goal = f"#{number}"
        entry = check.mapping(entry, None, "et mål med id, kind, title, …", "a goal with id, kind, title, ...")
        check.entry = entry
        goal_id = check.require(entry, "id")
        if not isinstance(goal_id, str) or not ID_PATTERN.match(goal_id):
            check.fail("id", f"«{goal_id}» kan ikke brukes som id. Bruk små bokstaver a–z, tall og bindestrek, for "
                       "eksempel «materialgjenvinning».",
                       f"{goal_id!r} is not a lowercase-with-hyphens id such as 'materialgjenvinning'.")
        check.goal = goal_id
        if goal_id in seen:
            check.fail("id", "et annet mål har samme id; hvert mål trenger sin egen.", "duplicate id; every goal needs its own.")
        seen.add(goal_id)
        check.known_fields(entry, GOAL_FIELDS)
        kind = check.require(entry, "kind")
        if kind not in KINDS:
            check.fail("kind", f"«{kind}» er ikke en type. Bruk én av: {', '.join(KINDS)}.",
                       f"{kind!r} is not one of: {', '.join(KINDS)}.")
        if kind == "qualitative":
            for field in QUANTITATIVE_FIELDS:
                if field in entry:
                    check.fail(field, "et kvalitativt mål har ingen tall. Ta bort feltet, eller gjør målet kvantitativt "
                               "(kind: quantitative).",
                               "a qualitative goal has no numbers; remove this field or make the goal quantitative.")
            texts = {field: check.texts(check.require(entry, field), field, locales, set()) for field in TEXT_FIELDS}
            goals.append(Goal(goal_id, kind, texts["title"], texts["statement"]))
            continue
        goals.append(_quantitative(check, entry, goal_id, locales, this_year))
    return goals


def _quantitative(check: _Checker, entry: dict, goal_id: str, locales, this_year: int) -> Goal:
    unit = check.require(entry, "unit")
    if unit != "%":
        check.fail("unit", f"«{unit}» kan ikke brukes. Skriv \"%\".", f"{unit!r} is not supported; use \"%\".")
    baseline = None
    # null or no baseline marks a target-only goal ("at least 5 % by 2025"); the
    # content editor leaves out empty fields, so both must mean the same.
    raw = entry.get("baseline")
    if raw is not None:
        raw = check.mapping(raw, "baseline", "{value: …, year: …} eller null", "{value: ..., year: ...} or null")
        check.known_fields(raw, POINT_FIELDS, "baseline.")
        baseline = Point(
            check.year(check.require(raw, "year", "baseline."), "baseline.year", raw),
            check.percent(check.require(raw, "value", "baseline."), "baseline.value", raw),
        )
    raw = check.mapping(check.require(entry, "target"), "target", "{value: …, year: …}", "{value: ..., year: ...}")
    check.known_fields(raw, TARGET_FIELDS, "target.")
    target = Point(
        check.year(check.require(raw, "year", "target."), "target.year", raw),
        check.percent(check.require(raw, "value", "target."), "target.value", raw),
    )
    at_least = raw.get("at_least", False)
    if not isinstance(at_least, bool):
        check.fail("target.at_least", f"skriv true eller false, ikke «{at_least}».",
                   f"expected true or false, got {at_least!r}.", raw)
    if baseline:
        if target.year <= baseline.year:
            check.fail("target.year", f"{target.year} er ikke etter utgangspunktets år (baseline.year), {baseline.year}.",
                       f"{target.year} is not after baseline.year {baseline.year}.", raw)
        if target.value == baseline.value:
            check.fail("target.value", "er det samme som utgangspunktet (baseline.value); da er det ingen vei å gå.",
                       "equals baseline.value; there would be no way to go.", raw)
    elif target.value <= 0:
        check.fail("target.value", "må være over 0 for et mål uten utgangspunkt.",
                   "must be above 0 for a goal without a baseline.", raw)
    allowed = PLACEHOLDERS["with_baseline" if baseline else "target_only"]
    title = check.texts(check.require(entry, "title"), "title", locales, set())
    statement = check.texts(check.require(entry, "statement"), "statement", locales, allowed)
    raw = entry.get("measurements") or []
    if not isinstance(raw, list):
        check.fail("measurements", "her skal det stå en liste med målinger (eller [] når det ikke er noen ennå).",
                   "expected a list (or [] for none yet).")
    measurements = [_measurement(check, item, n, baseline, this_year) for n, item in enumerate(raw, start=1)]
    years = [m.year for m in measurements]
    for year in years:
        if years.count(year) > 1:
            check.fail("measurements", f"to målinger for {year}; behold én per år.",
                       f"two measurements for {year}; keep one per year.")
    return Goal(goal_id, "quantitative", title, statement, unit, baseline, target,
                at_least, tuple(sorted(measurements, key=lambda m: m.year)))


def _measurement(check: _Checker, item, number: int, baseline: Point | None, this_year: int) -> Measurement:
    prefix = f"measurements[{number}]."
    item = check.mapping(item, prefix[:-1], "en måling med year, value, source_title og source_url",
                         "{year, value, source_title, source_url}")
    check.known_fields(item, MEASUREMENT_FIELDS, prefix)
    year = check.year(check.require(item, "year", prefix), prefix + "year", item)
    first = baseline.year if baseline else None
    if year > this_year or (first is not None and year < first):
        span = f"{first}..{this_year}" if first is not None else f"up to {this_year}"
        nb = (f"året {year} er utenfor {first}–{this_year}: en måling er fra utgangspunktets år (baseline.year) til i år."
              if first is not None else f"året {year} er etter i år ({this_year}). Bruk bare tall som er publisert.")
        check.fail(prefix + "year", nb, f"{year} is outside {span} (baseline year to this year).", item)
    value = check.percent(check.require(item, "value", prefix), prefix + "value", item)
    title = check.require(item, "source_title", prefix)
    if not isinstance(title, str) or not title.strip():
        check.fail(prefix + "source_title", "kilden trenger en tittel: navnet på rapporten eller statistikken.",
                   "the source needs a title.", item)
    url = check.require(item, "source_url", prefix)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        check.fail(prefix + "source_url", f"«{url}» er ikke en nettadresse. Skriv hele adressen til kilden, som begynner "
                   "med https://, for eksempel https://www.ssb.no/…",
                   f"{url!r} is not an http(s) address such as https://www.ssb.no/...", item)
    return Measurement(year, value, title.strip(), url)


def load_goals(path: Path, label: str, locales, this_year: int) -> list[Goal]:
    return validate_goals(datafile.load(path, label), label, locales, this_year)


# --------------------------------------------------------------------------
# Text, in the reader's language (strings from data/ui.yml)
# --------------------------------------------------------------------------

def number(value: float, ui: dict) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", ui["goals_decimal_separator"])


def percent(value: float, ui: dict) -> str:
    return fill(ui["goals_percent"], value=number(value, ui))


def target_text(goal: Goal, ui: dict) -> str:
    text = percent(goal.target.value, ui)
    return fill(ui["goals_at_least"], value=text) if goal.at_least else text


def statement_text(goal: Goal, lang: str, ui: dict) -> str:
    """The goal as one sentence, the way the cluster states it."""
    if goal.kind == "qualitative":
        return goal.statement[lang]
    values = {"target": percent(goal.target.value, ui), "target_year": goal.target.year}
    if goal.baseline:
        values |= {"baseline": percent(goal.baseline.value, ui), "baseline_year": goal.baseline.year}
    return fill(goal.statement[lang], **values)


def progress_text(goal: Goal, ui: dict) -> str | None:
    """How far the latest measurement has come; None without a measurement."""
    progress = goal.progress()
    if progress is None:
        return None
    if progress >= 1:
        return ui["goals_reached"]
    if progress < 0:
        return ui["goals_behind"]
    key = "goals_progress" if goal.baseline else "goals_progress_target_only"
    return fill(ui[key], percent=percent(round(progress * 100), ui))


def chart_name(goal: Goal, lang: str, ui: dict) -> str:
    """The chart's accessible name: the same facts the picture shows."""
    parts = [fill(ui["goals_chart_name"], title=goal.title[lang])]
    if goal.baseline:
        parts.append(fill(ui["goals_chart_path"],
            baseline=percent(goal.baseline.value, ui), baseline_year=goal.baseline.year,
            target=target_text(goal, ui), target_year=goal.target.year))
    else:
        parts.append(fill(ui["goals_chart_target_only"], target=target_text(goal, ui), target_year=goal.target.year))
    if goal.latest:
        parts.append(fill(ui["goals_chart_latest"], value=percent(goal.latest.value, ui), year=goal.latest.year))
        parts.append(progress_text(goal, ui) + ".")
    return " ".join(parts)


def view(goal: Goal, lang: str, ui: dict, frame: goal_chart.Frame) -> dict:
    """Everything the goal macros show for one goal, as text and numbers."""
    item = {
        "id": goal.id, "kind": goal.kind, "title": goal.title[lang],
        "statement": statement_text(goal, lang, ui),
    }
    if goal.kind == "qualitative":
        return item
    latest = goal.latest
    return item | {
        "baseline": {"value": percent(goal.baseline.value, ui), "year": goal.baseline.year} if goal.baseline else None,
        "target": {"value": target_text(goal, ui), "year": goal.target.year},
        "measurements": [{"year": m.year, "value": percent(m.value, ui), "source_title": m.source_title,
                          "source_url": m.source_url} for m in goal.measurements],
        "latest": {"value": percent(latest.value, ui), "year": latest.year, "source_title": latest.source_title,
                   "source_url": latest.source_url} if latest else None,
        "progress": progress_text(goal, ui),
        "chart": goal_chart.chart(goal, frame, name=chart_name(goal, lang, ui), label=lambda v: percent(v, ui),
                                  target_label=target_text(goal, ui), status=progress_text(goal, ui)),
    }


def views(goals: list[Goal], lang: str, ui: dict, compact: bool) -> list[dict]:
    frame = goal_chart.COMPACT if compact else goal_chart.FULL
    return [view(goal, lang, ui, frame) for goal in goals]

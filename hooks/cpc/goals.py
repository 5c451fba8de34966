"""The cluster's goals: data/goals.yml read, validated and turned into views.

Validation happens once, here; every message names the file, the line, the
goal and the field. The views are plain data for the Jinja macros in
overrides/partials/cpc-goals.html, which hold all of the markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cpc import datafile, fields, goal_chart, kinds
from cpc.datafile import DataError
from cpc.problems import Problem
from cpc.strings import PLACEHOLDER, fill

GOALS_FILE = "data/goals.yml"
# Another goals file for a test or a preview: GOALS_FILE=path/to/goals.yml.
FILE_VARIABLE = "GOALS_FILE"
MARKER = "<!-- cpc-goals -->"
# From the declaration: a goal's texts, and the fields only a goal with figures has.
TEXT_FIELDS = tuple(f.name for f in kinds.GOAL.fields if f.type is fields.Type.TRANSLATED)
QUANTITATIVE_FIELDS = tuple(f.name for f in kinds.GOAL.fields if not f.required)
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


def check_goals(data, label: str, locales, this_year: int) -> tuple[list[Goal], list[Problem]]:
    """The goals, and every problem: the fields by their declaration
    (kinds.GOAL), then what only a whole goal can tell."""
    if not isinstance(data, dict) or not isinstance(data.get("goals"), list) or not data["goals"]:
        line = fields.line_of(data, "goals")
        return [], [Problem(line, "Filen må ha linjen «goals:» og under den en liste med minst ett mål, med «- » foran "
                                  "hvert mål.",
                            "The file needs the line \"goals:\" and below it a list of at least one goal, with \"- \" "
                            "before each goal.")]
    problems = fields.unknown(data, ("goals",))
    values, found = fields.entries(kinds.GOAL, data["goals"], fields.line_of(data, "goals"), fields.Context(tuple(locales)), "goals")
    if problems or found:
        return [], problems + found
    found_goals = []
    for number, (entry_values, entry) in enumerate(zip(values, data["goals"]), start=1):
        goal, found = _goal(entry_values, entry, fields.entry_subject(kinds.GOAL, entry, number), this_year)
        found_goals += [goal] if goal else []
        problems += found
    return found_goals, problems


def _goal(values: dict, entry, subject, this_year: int) -> tuple[Goal | None, list[Problem]]:
    def fail(key: str, nb: str, en: str, where=entry) -> tuple[None, list[Problem]]:
        return None, [fields.problem(fields.line_of(where, key.split(".")[-1].split("[")[0]), subject, nb, en)]

    goal_id, kind = values["id"], values["kind"]
    numbers = [name for name in QUANTITATIVE_FIELDS if name in values]
    if kind == "qualitative":
        if numbers:
            return fail(numbers[0], f"«{numbers[0]}»: et kvalitativt mål har ingen tall. Ta bort feltet, eller gjør "
                                    "målet kvantitativt (kind: quantitative).",
                        f"\"{numbers[0]}\": a qualitative goal has no numbers; remove the field or make the goal "
                        "quantitative.")
        problems = _texts(values, entry, subject, set())
        return (None, problems) if problems else (Goal(goal_id, kind, values["title"], values["statement"]), [])
    for name in ("unit", "target"):
        if name not in values:
            label = kinds.GOAL.field(name).label
            return fail(name, f"et mål med tall (quantitative) trenger {label.nb.lower()} ({name}). Legg til «{name}: …».",
                        f"a goal with figures (quantitative) needs its {label.en.lower()} ({name}). Add \"{name}: ...\".")
    raw_target = entry["target"]
    target = Point(values["target"]["year"], values["target"]["value"])
    baseline = Point(values["baseline"]["year"], values["baseline"]["value"]) if "baseline" in values else None
    if baseline:
        if target.year <= baseline.year:
            return fail("target.year", f"«target.year: {target.year}» er ikke etter utgangspunktets år "
                                       f"(baseline.year), {baseline.year}.",
                        f"\"target.year: {target.year}\" is not after baseline.year {baseline.year}.", raw_target)
        if target.value == baseline.value:
            return fail("target.value", "«target.value» er det samme som utgangspunktet (baseline.value); da er det "
                                        "ingen vei å gå.",
                        "\"target.value\" equals baseline.value; there would be no way to go.", raw_target)
    elif target.value <= 0:
        return fail("target.value", "«target.value» må være over 0 for et mål uten utgangspunkt.",
                    "\"target.value\" must be above 0 for a goal without a baseline.", raw_target)
    problems = _texts(values, entry, subject, PLACEHOLDERS["with_baseline" if baseline else "target_only"])
    measurements = [Measurement(m["year"], m["value"], m["source_title"], m["source_url"])
                    for m in values.get("measurements", ())]
    for number, (m, raw) in enumerate(zip(measurements, entry.get("measurements") or []), start=1):
        first = baseline.year if baseline else None
        if m.year > this_year or (first is not None and m.year < first):
            span = f"{first}..{this_year}" if first is not None else f"up to {this_year}"
            nb = (f"året {m.year} er utenfor {first}–{this_year}: en måling er fra utgangspunktets år (baseline.year) "
                  "til i år." if first is not None else f"året {m.year} er etter i år ({this_year}). Bruk bare tall "
                                                        "som er publisert.")
            problems += fail("year", f"«measurements[{number}].year»: {nb}",
                             f"\"measurements[{number}].year\": {m.year} is outside {span} (baseline year to this "
                             "year).", raw)[1]
    if problems:
        return None, problems
    return Goal(goal_id, "quantitative", values["title"], values["statement"], values["unit"], baseline, target,
                values["target"].get("at_least", False), tuple(sorted(measurements, key=lambda m: m.year))), []


def _texts(values: dict, entry, subject, allowed: set[str]) -> list[Problem]:
    """No figures in a goal's texts, and only the placeholders its numbers fill."""
    problems = []
    for name in TEXT_FIELDS:
        for locale, text in values[name].items():
            where = entry[name]
            if re.search(r"\d", text):
                problems.append(fields.problem(fields.line_of(where, locale), subject,
                    f"«{name}.{locale}» inneholder et tall. Skriv {{target}}, {{baseline}} og lignende i stedet, så hvert "
                    "tall står ett sted: i baseline, target eller measurements.",
                    f"\"{name}.{locale}\" contains a digit; write {{target}}, {{baseline}} and the like instead, so each "
                    "number is written once, in baseline, target or measurements."))
                continue
            unknown = set(PLACEHOLDER.findall(text)) - allowed
            if unknown:
                names = ", ".join("{" + p + "}" for p in sorted(allowed)) or "vanlig tekst"
                problems.append(fields.problem(fields.line_of(where, locale), subject,
                    f"«{name}.{locale}»: ukjent plassholder {{{sorted(unknown)[0]}}}; bruk bare {names}.",
                    f"\"{name}.{locale}\": unknown placeholder {{{sorted(unknown)[0]}}}; use only "
                    f"{names.replace('vanlig tekst', 'plain text')}."))
    return problems


def validate_goals(data, label: str, locales, this_year: int) -> list[Goal]:
    """The goals, or a DataError naming file, line and goal (the first problem)."""
    found, problems = check_goals(data, label, locales, this_year)
    if problems:
        first = problems[0]
        raise DataError(label, first.line, first.en, nb=first.nb)
    return found


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

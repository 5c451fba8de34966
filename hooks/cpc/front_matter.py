"""Front matter ("toppfelt"), the `---` block at the top of a Markdown file:
found, linted and parsed in one place for the build, `make check` and the
tests.

YAML forgives much that staff never mean: a tab, a non-breaking space, or a
` #` that silently starts a comment. `lint` names those lines plainly before
the YAML parser gets to misreport them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from cpc import datafile
from cpc.problems import Problem

PATTERN = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
OPENING = re.compile(r"\A---[ \t]*\n")
# `key: value` where the value is plain text (not quoted, not a list or block).
PLAIN_VALUE = re.compile(r"^(\s*)([\w-]+):[ \t]+([^'\"\[{|>&*!\s].*)$")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Split:
    text: str | None  # the YAML between the dashes; None without front matter
    body_offset: int  # where the body starts in the file's text
    body_line: int  # the body's first line, 1-based
    unclosed: bool = False  # opened with --- but never closed


def split(text: str) -> Split:
    found = PATTERN.match(text)
    if not found:
        return Split(None, 0, 1, unclosed=bool(OPENING.match(text)))
    return Split(found.group(1) or "", found.end(), found.group(0).count("\n") + 1)


def lint(text: str) -> list[Problem]:
    """What YAML would misread, each at its own line."""
    part = split(text)
    if part.unclosed:
        return [Problem(1, "Toppfeltet (front matter) er ikke avsluttet. Legg til en linje med bare tre bindestreker (---) "
                           "etter det siste feltet, før selve teksten.",
                        "The front matter is not closed. Add a line with just three dashes (---) after the last "
                        "field, before the text.")]
    problems = []
    for number, line in enumerate((part.text or "").splitlines(), start=2):
        indent = line[:len(line) - len(line.lstrip(" \t" + NBSP))]
        key = line.split(":", 1)[0]
        if "\t" in line:
            problems.append(Problem(number, "Linjen har et tabulatortegn (tab). Slett tabulatoren. Felt øverst i toppfeltet "
                                            "står helt til venstre; bare linjer under et annet felt (som start: under "
                                            "event:) rykkes inn, med to mellomrom.",
                                    "The line has a tab character. Delete the tab. Fields at the top of the front matter "
                                    "start at the left edge; only lines under another field (such as start: under "
                                    "event:) are indented, with two spaces."))
        elif NBSP in indent or NBSP in key or (":" in line and NBSP in line.split(":", 1)[1][:2]):
            problems.append(Problem(number, "Linjen har et hardt mellomrom (ofte limt inn fra Word eller en nettside) foran, "
                                            "i eller rett etter feltnavnet. Slett mellomrommene der, og skriv vanlige mellomrom.",
                                    "The line has a non-breaking space (often pasted from Word or a web page) before, "
                                    "in or right after the field name. Delete those spaces and type ordinary ones."))
        else:
            plain = PLAIN_VALUE.match(line)
            if plain and " #" in plain.group(3):
                fixed = plain.group(3).replace('"', '\\"')
                problems.append(Problem(number, f"Alt etter « #» i «{plain.group(2)}» blir borte, fordi # starter en "
                                                f"kommentar. Sett hele teksten i anførselstegn: {plain.group(2)}: \"{fixed}\"",
                                        f"Everything after \" #\" in \"{plain.group(2)}\" is lost, because # starts a "
                                        f"comment. Put the whole text in quotes: {plain.group(2)}: \"{fixed}\""))
    return problems


def parse(text: str, label: str):
    """The front matter's mapping (datafile.Located, lines as in the file), or
    None without front matter; DataError names the file and line."""
    part = split(text)
    if part.text is None:
        return None
    return datafile.parse(part.text, label, first_line=2)


def yaml_problem(error: datafile.DataError) -> Problem:
    """A YAML error as a plain sentence first, the parser's words after it."""
    if error.plain:
        return Problem(error.line, error.nb, error.en)
    detail = str(error).split("not valid YAML (", 1)[-1].split(")", 1)[0]
    return Problem(error.line or 2, "Toppfeltet (front matter) kan ikke leses. Sjekk at hver linje har formen «felt: verdi», "
                                    "og sett teksten i vanlige anførselstegn hvis den inneholder kolon (:), for eksempel "
                                    "title: \"Fokus: sirkulær økonomi\". Bruk tegnet \" fra tastaturet, ikke « » eller “ ”.",
                   "The front matter cannot be read. Check that each line reads \"field: value\", and put the text in "
                   f"quotes if it contains a colon (:). (YAML: {detail})")

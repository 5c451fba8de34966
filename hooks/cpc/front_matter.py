"""Front matter, the `---` block at the top of a Markdown file: found and
parsed in one place for the build, `make check` and the tests."""
from __future__ import annotations

import re
from dataclasses import dataclass

from cpc import datafile

PATTERN = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Split:
    text: str | None  # the YAML between the dashes; None without front matter
    body_offset: int  # where the body starts in the file's text
    body_line: int  # the body's first line, 1-based


def split(text: str) -> Split:
    found = PATTERN.match(text)
    if not found:
        return Split(None, 0, 1)
    return Split(found.group(1) or "", found.end(), found.group(0).count("\n") + 1)


def parse(text: str, label: str):
    """The front matter's mapping (datafile.Located, lines as in the file), or
    None without front matter; DataError names the file and line."""
    part = split(text)
    if part.text is None:
        return None
    return datafile.parse(part.text, label, first_line=2)

"""A content problem for staff: where it is and what to do, in Norwegian
first and then English. The build stops at the first one; `make check`
lists them all. Both print them the same way."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    line: int
    nb: str
    en: str


def build_error(label: str, problem: Problem) -> PluginError:
    """The build's message: file and line, then each language on its own line."""
    return PluginError(f"{label}:{problem.line}: {problem.nb}\n  English: {problem.en}")

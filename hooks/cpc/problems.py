"""A content problem for staff: where it is and what to do, in Norwegian
first and then English. The build stops at the first one; `make check`
lists them all. Both print them the same way."""
from __future__ import annotations

import difflib
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


def unknown_fields(mapping, allowed: tuple, prefix: str = "") -> list[Problem]:
    """A problem for each key not in `allowed`, suggesting the closest one."""
    problems = []
    for key in mapping:
        if key in allowed:
            continue
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        nb_tip = f" Mente du «{prefix}{hint[0]}»?" if hint else f" Tillatt: {', '.join(allowed)}."
        en_tip = f" Did you mean \"{prefix}{hint[0]}\"?" if hint else f" Allowed: {', '.join(allowed)}."
        line = mapping.line_of(key) if hasattr(mapping, "line_of") else 1
        problems.append(Problem(line, f"Ukjent felt «{prefix}{key}».{nb_tip}",
                                f"Unknown field \"{prefix}{key}\".{en_tip}"))
    return problems

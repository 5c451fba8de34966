"""YAML data files read with line numbers, so every error can say where.

`load(path, label)` returns plain dicts and lists; every mapping is a
`Located` dict that remembers the line of each key, so a validator can write
"data/goals.yml:42: goal 'x', field 'target.year': ...".
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """A problem in a data file; the message starts with file:line."""

    plain = False  # the message says plainly what is wrong (a key twice, a tab): shown as it is

    def __init__(self, label: str, line: int | None, message: str, nb: str | None = None):
        # `message` is English; `nb` the same for staff, in Norwegian, where the caller has one.
        self.label, self.line, self.nb, self.en = label, line, nb, message
        super().__init__(f"{label}:{line}: {message}" if line else f"{label}: {message}")


class EncodingError(DataError):
    """A file that is not UTF-8 text: what to do, Norwegian first."""

    def __init__(self, label: str, line: int, found: str):
        nb = (f"Filen er ikke lagret som UTF-8, men som {found} (slik Notisblokk og Word ofte gjør), så æ, ø og å "
              "blir feil. Åpne filen, velg «Lagre som», og velg kodingen UTF-8. Eller kopier teksten inn i en ny fil på "
              "GitHub, som alltid lagrer UTF-8.")
        found_en = found.replace(" eller ", " or ").replace("«Unicode»", "\"Unicode\"")
        en = (f"The file is not saved as UTF-8 but as {found_en} (as Notepad and Word often do), so æ, ø and å come out "
              "wrong. Open the file, choose \"Save as\", and choose the encoding UTF-8. Or paste the text into a new "
              "file on GitHub, which always saves UTF-8.")
        super().__init__(label, line, en, nb=nb)
        self.en = en


def decode(data: bytes, label: str) -> str:
    """A file's text: UTF-8, with or without a byte order mark (BOM); any
    other encoding is an EncodingError naming the first line it breaks."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingError(label, 1, "UTF-16 («Unicode»)")
    try:
        # Windows line endings (Notepad) read as MkDocs reads them.
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise EncodingError(label, data[:error.start].count(b"\n") + 1, "Windows-1252 eller Latin-1") from None


def read_text(path: Path, label: str) -> str:
    return decode(Path(path).read_bytes(), label)


class Located(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line, self.key_lines = 1, {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    pass


class DuplicateKey(yaml.YAMLError):
    """The same key twice in one mapping: YAML keeps the last, silently."""

    def __init__(self, key, first: int, again: int):
        super().__init__(f"{key!r} on lines {first} and {again}")
        self.key, self.first, self.again = key, first, again


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    mapping = Located(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping.key_lines:
            raise DuplicateKey(key, mapping.key_lines[key], key_node.start_mark.line + 1)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text, so a validator can say "2027-13-45 is not a date" with its
# line, instead of YAML failing without one.
# A value that starts with + stays text: "+4791234567" is a phone number,
# and YAML would make it the integer 4791234567.
# Numbers are plain decimals only: YAML 1.1 would read "end: 15:30" as the
# base-60 number 930, and "0123" as an octal 83.
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp" and tag not in NUMBER_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _firsts in (
        ("tag:yaml.org,2002:int", r"^(?:[-]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$", "-0123456789"),
        ("tag:yaml.org,2002:float", r"^(?:-?(?:0|[1-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|-?\.[0-9_]+(?:[eE][-+][0-9]+)?)$",
         "-0123456789.")):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_firsts))


def _invisible(text: str, label: str, first_line: int) -> None:
    """Tabs and non-breaking spaces where YAML reads structure (before a
    value): the parser would misreport them, or read the line wrongly."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        head = line.split(":", 1)[0] + (":" + line.split(":", 1)[1][:1] if ":" in line else "")
        found = None
        if "\t" in line[:len(line) - len(line.lstrip())]:
            found = DataError(label, number, "The line is indented with a tab. Indent with spaces, two per level.",
                              nb="Linjen er rykket inn med tabulator (tab). Rykk inn med mellomrom, to per nivå.")
        elif "\u00a0" in head:
            found = DataError(label, number, "The line has a non-breaking space (often pasted from Word or a web page) "
                                           "before or right after the field name. Delete it and type an ordinary space.",
                            nb="Linjen har et hardt mellomrom (ofte limt inn fra Word eller en nettside) foran, i eller "
                               "rett etter feltnavnet. Slett det, og skriv et vanlig mellomrom.")
        if found:
            found.plain = True
            raise found


def parse(text: str, label: str, first_line: int = 1):
    """Parse YAML text; errors name `label` and the line (offset by first_line - 1)."""
    _invisible(text, label, first_line)
    try:
        return _shift(yaml.load(text, Loader=_Loader), first_line - 1)
    except DuplicateKey as twice:
        first, again = twice.first + first_line - 1, twice.again + first_line - 1
        error = DataError(label, again, f"\"{twice.key}:\" is written twice (lines {first} and {again}); only the last "
                                        "would count. Delete one of them, or merge them.",
                          nb=f"«{twice.key}:» står to ganger (linje {first} og {again}), og bare den siste ville gjeldt, "
                             "uten at du ser det. Slett den ene, eller slå dem sammen.")
        error.plain = True
        raise error from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(label, line, f"not valid YAML ({problem}). Check the indentation and put text with a colon in quotes.",
                        nb=f"filen kan ikke leses ({problem}). Sjekk innrykket (mellomrom, ikke tabulator), og sett tekst "
                           "med kolon i anførselstegn.") from error


def _shift(data, offset: int):
    if offset and isinstance(data, Located):
        data.line += offset
        data.key_lines = {key: line + offset for key, line in data.key_lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif offset and isinstance(data, list):
        for value in data:
            _shift(value, offset)
    return data


def chosen(root: Path, variable: str, default: str) -> tuple[Path, str]:
    """A data file, or another one named in an environment variable (tests,
    previews): its path and its label for messages."""
    path = Path(os.environ.get(variable) or default)
    path = path if path.is_absolute() else root / path
    try:
        return path, path.relative_to(root).as_posix()
    except ValueError:
        return path, str(path)


def load(path: Path, label: str):
    try:
        text = read_text(path, label)
    except FileNotFoundError as error:
        raise DataError(label, None, "file not found.", nb="filen finnes ikke.") from error
    return parse(text, label)

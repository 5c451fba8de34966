"""Interface strings (data/ui.yml) and strict access to what templates read.

- `Strings` holds one language's strings. A template that asks for a key
  ui.yml lacks stops the build, naming the key and the template.
- `View` is the base of every view a template receives (views.py): a field
  it lacks stops the build the same way. MkDocs' own Jinja environment is
  lenient, so the strictness lives in the objects, and holds in every
  template, Material's blocks and ours alike.
- `fill` is the one way to fill `{name}` placeholders, in Python and, as a
  Jinja filter, in templates; assets/javascripts/cpc-site.js has its twin.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from cpc import datafile

UI_FILE = "data/ui.yml"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class MissingField(PluginError):
    """A template asked for a string or view field that does not exist."""


def _template_label() -> str:
    """The template asking, and the templates it was called from: Jinja
    compiles each template into a module whose globals name it (`name`)."""
    chain, frame = [], sys._getframe(2)
    while frame is not None:
        names = frame.f_globals
        if "environment" in names and isinstance(names.get("name"), str) and names["name"] not in chain:
            chain.append(names["name"])
        frame = frame.f_back
    if not chain:
        return "(not a template)"
    return chain[0] + (f" (in {', '.join(chain[1:])})" if chain[1:] else "")


class Record(dict):
    """A mapping handed to a template; a missing key stops the build."""

    def __missing__(self, key):
        raise MissingField(f"{_template_label()}: no field '{key}' in {sorted(self)}.")

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        return self[key]


class Strings(Record):
    """One language's interface strings; a missing key stops the build."""

    lang: str = ""

    def __missing__(self, key):
        raise MissingField(f"{_template_label()}: data/ui.yml has no string '{key}' ({self.lang}). "
                           f"Add '{key}:' with nb and en texts to data/ui.yml.")


def strict(data):
    """Plain data made strict for templates: dicts become Records, lists tuples."""
    if isinstance(data, (Record, View)):
        return data
    if isinstance(data, dict):
        return Record({key: strict(value) for key, value in data.items()})
    if isinstance(data, (list, tuple)):
        return tuple(strict(value) for value in data)
    return data


class View:
    """Base of the views templates receive; a missing field stops the build."""

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        raise MissingField(f"{_template_label()}: the {type(self).__name__} has no field '{key}'. "
                           "Add it in hooks/cpc/views.py, or fix the template.")


def fill(text: str, **values) -> str:
    """Replace each {name} in `text`; a placeholder without a value is an error."""
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise MissingField(f"{_template_label()}: no value for {{{name}}} in {text!r}.")
        return str(values[name])

    return PLACEHOLDER.sub(value, text)


def load(path: Path, languages, label: str = UI_FILE) -> dict[str, Strings]:
    """data/ui.yml as {locale: Strings}; a key without every language stops the build."""
    data = datafile.load(path, label)
    if not isinstance(data, dict):
        raise datafile.DataError(label, None, "expected 'key: {nb: ..., en: ...}' entries.")
    strings = {locale: Strings() for locale in languages.locales}
    for locale, table in strings.items():
        table.lang = locale
    for key, texts in data.items():
        line = data.line_of(key)
        if not isinstance(texts, dict):
            raise datafile.DataError(label, line, f"'{key}' must have one text per language ({', '.join(languages.locales)}).")
        for locale in languages.locales:
            text = texts.get(locale)
            if not isinstance(text, str) or not text.strip():
                raise datafile.DataError(label, line, f"'{key}' has no '{locale}' text. Add `{locale}: ...` under '{key}'.")
            strings[locale][key] = text
    return strings

"""How a kind of content is declared (kinds.py holds the declarations) and
how any mapping is checked against its declaration.

A `Kind` is a tuple of `Field`s. A field says its type, whether it is
required (or required together with another field), its limits, its
Norwegian and English label and hint, and how the editor shows it. `check`
turns a parsed mapping (datafile.Located, so every key knows its line) into
plain values and a list of problems, each at its line, Norwegian first.
What one field cannot know (an event ends after it starts) is a rule of
its kind, in the kind's own module.
"""
from __future__ import annotations

import datetime
import difflib
import enum
import re
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path
from urllib.parse import urlsplit

from cpc import datafile, media_types
from cpc.clock import OSLO
from cpc.problems import Problem


@dataclass(frozen=True)
class Words:
    """A text in Norwegian and English."""
    nb: str
    en: str


NOTHING = Words("", "")


class Type(enum.Enum):
    TEXT = "text"  # one line
    LONG_TEXT = "long text"  # a few sentences
    DATE = "date"  # YYYY-MM-DD
    DATE_TIME = "date and time"  # YYYY-MM-DD HH:MM, Norwegian time
    YES_NO = "yes or no"
    FILE = "file"  # a picture in docs/
    WEB_ADDRESS = "web address"
    EMAIL = "email"
    PHONE = "phone"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # a list of `choices`
    TRANSLATED = "translated"  # one text per language: {nb: ..., en: ...}
    PERCENT = "percent"  # 0-100
    YEAR = "year"
    GROUP = "group"  # a mapping of `entries` fields
    LIST = "list"  # a list of mappings of `entries` fields


class Editor(enum.Enum):
    """What each language of a bilingual entry holds in the editor."""
    OWN = True  # each language its own value
    SAME = "duplicate"  # one value, the same in every language
    NONE = False  # not a bilingual entry


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    label: Words
    hint: Words = NOTHING
    required: bool = False
    required_with: str = ""  # required whenever this other field of the entry has a value
    missing_with: Words = NOTHING  # what is missing then, said plainly (the check and the editor)
    max_length: int = 0
    why_max: Words = NOTHING  # why the limit, said after it
    pattern: str = ""  # the whole value must match (TEXT)
    pattern_message: Words = NOTHING  # what to write instead
    choices: tuple = ()  # CHOICE, CHOICES
    folder: str = ""  # FILE: its folder in docs/; "" beside the entry (a news post's photo)
    suffixes: tuple = ()  # FILE: what may be used
    schemes: tuple = ("https",)  # WEB_ADDRESS
    example: str = "…"  # what a value looks like, in messages
    editor: Editor = Editor.NONE
    entries: "Kind | None" = None  # GROUP and LIST: their fields
    unique: bool = False  # LIST entries: no two share this field's value
    default: object = None  # YES_NO: the editor's starting value


@dataclass(frozen=True)
class Kind:
    name: str
    fields: tuple
    subject: Words  # what the messages call one: «Innlegget», «The post»
    where: Words = Words("i toppfeltet", "to the front matter")  # where a missing line goes
    # Rules no single field can know: (values, mapping, context) -> problems.
    rules: tuple = ()

    @property
    def names(self) -> tuple:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Context:
    locales: tuple = ("nb", "en")
    docs_dir: Path | None = None
    folder: str = ""  # the entry's own folder in docs/, for FILE fields without one
    language_names: dict = dataclass_field(default_factory=lambda: {"nb": Words("norsk", "Norwegian"),
                                                                    "en": Words("engelsk", "English")})


EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$")


def empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def line_of(mapping, key) -> int:
    return mapping.line_of(key) if isinstance(mapping, datafile.Located) else getattr(mapping, "line", 0) or 1


def unknown(mapping, allowed: tuple, prefix: str = "") -> list[Problem]:
    """A problem for each key not in `allowed`, suggesting the closest one."""
    problems = []
    for key in mapping:
        if key in allowed:
            continue
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        nb_tip = f" Mente du «{prefix}{hint[0]}»?" if hint else f" Tillatt: {', '.join(allowed)}."
        en_tip = f" Did you mean \"{prefix}{hint[0]}\"?" if hint else f" Allowed: {', '.join(allowed)}."
        problems.append(Problem(line_of(mapping, key), f"Ukjent felt «{prefix}{key}».{nb_tip}",
                                f"Unknown field \"{prefix}{key}\".{en_tip}"))
    return problems


def check(kind: Kind, mapping, context: Context, subject: Words | None = None, path: str = "") \
        -> tuple[dict, list[Problem]]:
    """(the entry's values, every problem in it). `subject` names the entry in
    messages ("Målet «x»"); `path` is where the mapping sits ("target.")."""
    subject = subject or kind.subject
    if mapping is None:
        mapping = datafile.Located()
    problems = [problem(p.line, subject, p.nb, p.en) for p in unknown(mapping, kind.names, path)]
    values = {}
    for field in kind.fields:
        value = mapping.get(field.name)
        if empty(value) or (field.type in (Type.LIST, Type.CHOICES) and value == []):
            needed_with = field.required_with and not empty(mapping.get(field.required_with))
            if field.required or needed_with:
                problems.append(missing(field, mapping, kind, subject, path, needed_with))
            continue
        result, found = CHECKS[field.type](field, value, line_of(mapping, field.name), context, subject, path)
        problems += found
        if not found:
            values[field.name] = result
    if not problems:
        for rule in kind.rules:
            problems += rule(values, mapping, context)
    return values, problems


def missing(field: Field, mapping, kind: Kind, subject: Words, path: str, needed_with) -> Problem:
    line = line_of(mapping, field.required_with if needed_with else field.name)
    if field.name in mapping:  # there, but empty
        line = line_of(mapping, field.name)
    name = f"{path}{field.name}"
    where = Words(f"under «{path[:-1]}:»", f"under \"{path[:-1]}:\"") if path else kind.where
    if needed_with and field.missing_with.nb:
        return Problem(line, f"{field.missing_with.nb} ({name}). Legg til linjen «{field.name}: {field.example}» {where.nb}.",
                       f"{field.missing_with.en} ({name}). Add the line \"{field.name}: {field.example}\" {where.en}.")
    if needed_with:
        other = kind.field(field.required_with)
        return Problem(line, f"{subject.nb} har {other.label.nb.lower()} ({path}{other.name}), men mangler "
                             f"{field.label.nb.lower()} ({name}). Legg til linjen «{field.name}: {field.example}» {where.nb}.",
                       f"{subject.en} has a {other.label.en.lower()} ({path}{other.name}) but no {field.label.en.lower()} "
                       f"({name}). Add the line \"{field.name}: {field.example}\" {where.en}.")
    return Problem(line, f"{subject.nb} mangler {field.label.nb.lower()} ({name}). Legg til linjen "
                         f"«{field.name}: {field.example}» {where.nb}.",
                   f"{subject.en} has no {field.label.en.lower()} ({name}). Add the line "
                   f"\"{field.name}: {field.example}\" {where.en}.")


def problem(line: int, subject: Words, nb: str, en: str) -> Problem:
    """A wrong value's message: an entry of a list names itself first."""
    if isinstance(subject, Named):
        return Problem(line, f"{subject.nb}: {nb}", f"{subject.en}: {en}")
    return Problem(line, nb, en)


# --- One check per type: (field, value, line, context, subject, path) -> (value, problems) ---

def _text(field, value, line, context, subject, path):
    name = f"{path}{field.name}"
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # a title such as 2030 is text too
        else:
            return None, [problem(line, subject,
                                  f"«{name}» skal være tekst på én linje. Sett teksten i anførselstegn: {name}: \"…\".",
                                  f"\"{name}\" must be text on one line. Put the text in quotes: {name}: \"...\".")]
    value = " ".join(value.split()) if field.type is Type.TEXT else value.strip()
    if field.max_length and len(value) > field.max_length:
        return None, [problem(line, subject,
                              f"{field.label.nb} ({name}) er {len(value)} tegn lang{field.why_max.nb}. Kort den ned til "
                              f"høyst {field.max_length} tegn.",
                              f"The {field.label.en.lower()} ({name}) is {len(value)} characters long{field.why_max.en}. "
                              f"Shorten it to {field.max_length} characters or fewer.")]
    if field.pattern and not re.fullmatch(field.pattern, value):
        return None, [problem(line, subject, f"«{name}: {value}»: {field.pattern_message.nb}",
                              f"\"{name}: {value}\": {field.pattern_message.en}")]
    return value, []


def parse_date(value) -> datetime.date | None:
    if isinstance(value, str) and DATE.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return None


def _date(field, value, line, context, subject, path):
    day = parse_date(value)
    if day:
        return day, []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}: {value}» er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2027-03-04.",
                          f"\"{name}: {value}\" is not a real date. Write it as YYYY-MM-DD, for example 2027-03-04.")]


def _date_time(field, value, line, context, subject, path):
    found = DATE_TIME.match(value.strip()) if isinstance(value, str) else None
    name = f"{path}{field.name}"
    if found:
        try:
            day = datetime.date.fromisoformat(found.group(1))
            when = datetime.datetime.combine(day, datetime.time(int(found.group(2)), int(found.group(3))), OSLO)
        except ValueError:
            pass
        else:
            # A time in the hour skipped when summer time begins: calendars would move it an hour on.
            shown = when.astimezone(datetime.timezone.utc).astimezone(OSLO)
            if shown.replace(tzinfo=None) == when.replace(tzinfo=None):
                return when, []
            later = shown.strftime("%Y-%m-%d %H:%M")
            return None, [problem(line, subject,
                                  f"«{name}: {value}» finnes ikke i norsk tid: klokken hopper fra 02:00 til 03:00 når "
                                  f"sommertiden begynner. Skriv tidspunktet som klokken viser det, for eksempel {later}.",
                                  f"\"{name}: {value}\" does not exist in Norwegian time: clocks jump from 02:00 to 03:00 "
                                  f"when summer time begins. Write the time the clock shows, for example {later}.")]
    return None, [problem(line, subject,
                          f"«{name}: {value}» er ikke et gyldig tidspunkt. Skriv ÅÅÅÅ-MM-DD TT:MM i norsk tid, for "
                          "eksempel 2027-03-04 10:00.",
                          f"\"{name}: {value}\" is not a real date and time. Write YYYY-MM-DD HH:MM in Norwegian time, "
                          "for example 2027-03-04 10:00.")]


def _yes_no(field, value, line, context, subject, path):
    if isinstance(value, bool):
        return value, []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}: {value}» kan bare være true (ja) eller false (nei). Skriv «{name}: true», eller ta "
                          "bort linjen.",
                          f"\"{name}: {value}\" can only be true or false. Write \"{name}: true\", or remove the line.")]


def file_path(field: Field, value: str, context: Context) -> str:
    """A FILE field's value as a docs-relative path: from docs/ with or without
    a leading slash (the editor writes one), or beside the entry."""
    import posixpath
    value = value.strip()
    if value.startswith("/") or field.folder:
        return posixpath.normpath(value.lstrip("/"))
    return posixpath.normpath(f"{context.folder}/{value}" if context.folder else value)


def _file(field, value, line, context, subject, path):
    name = f"{path}{field.name}"
    if not isinstance(value, str):
        return _text(field, value, line, context, subject, path)
    rel = file_path(field, value, context)
    folder = field.folder or context.folder
    if re.search(r"\s", rel):
        return None, [problem(line, subject,
                              f"«{name}: {value}»: filnavnet har mellomrom, som ikke kan stå i en adresse. Gi filen et "
                              "navn uten mellomrom (bruk bindestrek), og skriv det nye navnet her.",
                              f"\"{name}: {value}\": the file name has spaces, which cannot be in an address. Rename the "
                              "file without spaces (use hyphens), and write the new name here.")]
    if field.suffixes and not rel.lower().endswith(field.suffixes):
        kinds = ", ".join(s.lstrip(".").upper() for s in field.suffixes[:5]) + (" …" if len(field.suffixes) > 5 else "")
        return None, [problem(line, subject, f"«{name}: {value}»: filen må være en av typene {kinds}.",
                              f"\"{name}: {value}\": the file must be one of {kinds}.")]
    # A photo's existence is the image step's check (image_inspect.py), which
    # also finds a name whose case differs.
    if context.docs_dir is not None and not media_types.is_raster(rel) and not (context.docs_dir / rel).is_file():
        where_nb = f"i docs/{folder}/" if folder else "i docs/"
        how_nb = (f"og skriv stien fra docs/, for eksempel {name}: {folder}/navn.svg" if field.folder
                  else "og skriv filnavnet")
        if rel.startswith("docs/"):
            how_nb = f"og skriv stien uten «docs/» foran: {name}: {rel.removeprefix('docs/')}"
        how_en = (f"and write its path from docs/, for example {name}: {folder}/name.svg" if field.folder
                  else "and write its file name")
        if rel.startswith("docs/"):
            how_en = f"and write the path without \"docs/\" in front: {name}: {rel.removeprefix('docs/')}"
        return None, [problem(line, subject,
                              f"Filen «{value}» ({name}) finnes ikke {where_nb}. Last den opp der, {how_nb}. Store og "
                              "små bokstaver teller.",
                              f"The file \"{value}\" ({name}) is not in docs/{folder + '/' if folder else ''}. Upload it "
                              f"there, {how_en}. Upper and lower case matter.")]
    return rel, []


def _web_address(field, value, line, context, subject, path):
    parts = urlsplit(value.strip()) if isinstance(value, str) else None
    name = f"{path}{field.name}"
    if parts and re.search(r"[\s<>\"]", value.strip()):
        return None, [problem(line, subject,
                              f"«{name}: {value}» har mellomrom eller tegn som ikke kan stå i en nettadresse. Kopier "
                              "adressen fra nettleserens adressefelt, så blir mellomrom til %20.",
                              f"\"{name}: {value}\" has spaces or characters that cannot be in a web address. Copy the "
                              "address from the browser's address bar, which turns spaces into %20.")]
    if parts and parts.scheme in field.schemes and parts.netloc:
        return value.strip(), []
    return None, [problem(line, subject,
                          f"«{name}: {value}» er ikke en hel nettadresse. Skriv hele adressen, som begynner med "
                          f"https://, for eksempel {field.example}.",
                          f"\"{name}: {value}\" is not a full web address. Write the whole address, starting with "
                          f"https://, for example {field.example}.")]


def _email(field, value, line, context, subject, path):
    if isinstance(value, str) and EMAIL.match(value.strip()):
        return value.strip(), []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}: {value}» ser ikke ut som en e-postadresse. Skriv den som navn@firma.no.",
                          f"\"{name}: {value}\" does not look like an email address. Write it as name@company.no.")]


def _phone(field, value, line, context, subject, path):
    if isinstance(value, str):
        return " ".join(value.split()), []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"Telefonnummeret («{name}») må stå i anførselstegn, ellers kan tegn som + og 0 forsvinne: "
                          f"{name}: \"{value}\".",
                          f"The phone number (\"{name}\") must be in quotes, or characters such as + and 0 may be lost: "
                          f"{name}: \"{value}\".")]


def _choice(field, value, line, context, subject, path):
    if value in field.choices:
        return value, []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}: {value}» kan ikke brukes. Velg én av: {', '.join(map(str, field.choices))}.",
                          f"\"{name}: {value}\" cannot be used. Choose one of: {', '.join(map(str, field.choices))}.")]


def _choices(field, value, line, context, subject, path):
    if isinstance(value, list) and all(item in field.choices for item in value):
        return tuple(value), []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}:» skal være en liste, for eksempel «{name}: {field.example}». Tillatt: "
                          f"{', '.join(field.choices)}. Ta bort linjen om du er usikker.",
                          f"\"{name}:\" must be a list, for example \"{name}: {field.example}\". Allowed: "
                          f"{', '.join(field.choices)}. Remove the line if unsure.")]


def _translated(field, value, line, context, subject, path):
    name = f"{path}{field.name}"
    if not isinstance(value, dict):
        shape = ", ".join(f"{locale}: …" for locale in context.locales)
        return None, [problem(line, subject,
                              f"«{name}» trenger én tekst per språk, på hver sin linje under «{name}:»: {shape}.",
                              f"\"{name}\" needs one text per language, each on its own line under \"{name}:\": "
                              f"{shape.replace('…', '...')}.")]
    problems = unknown(value, tuple(context.locales), f"{name}.")
    texts = {}
    for locale in context.locales:
        text = value.get(locale)
        if empty(text) or not isinstance(text, str):
            language = context.language_names.get(locale, Words(locale, locale))
            problems.append(problem(line_of(value, locale), subject,
                                    f"«{name}» mangler teksten på {language.nb}. Legg til «{locale}: …» under «{name}:».",
                                    f"\"{name}\" has no text in {language.en}. Add \"{locale}: ...\" under \"{name}:\"."))
            continue
        texts[locale] = " ".join(text.split())
    return texts, problems


def _percent(field, value, line, context, subject, path):
    name = f"{path}{field.name}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = str(value).strip()
        plain = text.replace("%", "").replace("\u00a0", " ").strip().replace(",", ".").replace(" ", "")
        fixed = plain if re.fullmatch(r"-?\d+(\.\d+)?", plain) else None
        if fixed and fixed == text:
            nb = f"«{text}» står i anførselstegn, og blir da tekst. Skriv tallet uten anførselstegn: {fixed}."
        elif fixed and "%" in text:
            nb = f"«{text}» har et %-tegn. Skriv bare tallet, uten %: {fixed}. Prosenttegnet kommer fra «unit»."
        elif fixed and "," in text:
            nb = f"«{text}» har desimalkomma. Skriv tallet med desimalpunktum: {fixed}."
        else:
            nb = f"«{text}» er ikke et tall. Skriv et tall fra 0 til 100, med desimalpunktum, for eksempel 27.5."
        return None, [problem(line, subject, f"«{name}»: {nb}",
                              f"\"{name}\": expected a number (use '.' for decimals, no '%'), got {value!r}.")]
    if not 0 <= value <= 100:
        return None, [problem(line, subject, f"«{name}»: {value} er utenfor 0–100. Verdien er en prosent, fra 0 "
                                                   "til 100.",
                              f"\"{name}\": {value} is outside 0–100 (a percentage).")]
    return value, []


def _year(field, value, line, context, subject, path):
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value, []
    name = f"{path}{field.name}"
    return None, [problem(line, subject,
                          f"«{name}: {value}» er ikke et årstall. Skriv året med fire sifre, for eksempel 2024.",
                          f"\"{name}: {value}\" is not a year. Write the year with four digits, for example 2024.")]


def _group(field, value, line, context, subject, path):
    name = f"{path}{field.name}"
    if not isinstance(value, dict):
        needed = ", ".join(f.name for f in field.entries.fields if f.required)
        return None, [problem(line, subject,
                              f"«{name}:» må ha linjene {needed} under seg, rykket inn.",
                              f"\"{name}:\" needs the lines {needed} below it, indented.")]
    # A line missing from the group is missing below its own line (event:).
    group = datafile.Located(value)
    group.line, group.key_lines = line, getattr(value, "key_lines", {})
    return check(field.entries, group, context, subject, f"{name}.")


def _list(field, value, line, context, subject, path):
    """A list inside an entry (a goal's measurements): its entries speak as
    the entry that holds them, each by its place (measurements[2].year)."""
    name = f"{path}{field.name}"
    return entries(field.entries, value, line, context, name, lambda entry, number: (subject, f"{name}[{number}]."))


def entries(kind: Kind, value, line: int, context: Context, name: str, naming=None) -> tuple[list, list[Problem]]:
    """A list of entries of `kind`. A data file's own list (members:) names
    each entry by itself: «Medlemmet «Eksempel AS»»."""
    naming = naming or (lambda entry, number: (entry_subject(kind, entry, number), ""))
    if not isinstance(value, list):
        return [], [Problem(line, f"«{name}:» må være en liste, med «- » foran hver oppføring.",
                            f"\"{name}:\" must be a list, with \"- \" before each entry.")]
    found_entries, problems, seen = [], [], {}
    key = next((f.name for f in kind.fields if f.unique), None)
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(line, f"Hver oppføring under «{name}:» må ha felt på formen «felt: verdi».",
                                    f"Each entry under \"{name}:\" needs fields of the form \"field: value\"."))
            continue
        own, path = naming(entry, number)
        values, found = check(kind, entry, context, own, path)
        problems += found
        mark = values.get(key) if key else None
        mark = mark.casefold() if isinstance(mark, str) else mark
        if mark is not None and mark in seen:
            problems.append(problem(line_of(entry, key), own,
                                    f"«{path}{key}: {entry[key]}» står to ganger i listen (også på linje {seen[mark]}). "
                                    "Hver oppføring trenger sin egen; slett eller rett den ene.",
                                    f"\"{path}{key}: {entry[key]}\" is listed twice (also on line {seen[mark]}). "
                                    "Each entry needs its own; delete or fix one of them."))
        elif mark is not None:
            seen[mark] = line_of(entry, key)
        found_entries.append(values)
    return found_entries, problems


class Named(Words):
    """An entry of a list, named in each of its messages."""


# Where a listed entry's missing field goes.
LISTED = Words("under oppføringen", "to the entry")


def entry_subject(kind: Kind, entry, number: int) -> Named:
    """«Medlemmet «Eksempel AS»», or «Medlemmet nr. 2» without a name."""
    key = next((f.name for f in kind.fields if f.unique), kind.fields[0].name)
    value = entry.get(key)
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return Named(f"{kind.subject.nb} «{str(value).strip()}»", f"{kind.subject.en} '{str(value).strip()}'")
    return Named(f"{kind.subject.nb} nr. {number}", f"{kind.subject.en} no. {number}")


CHECKS = {
    Type.TEXT: _text, Type.LONG_TEXT: _text, Type.DATE: _date, Type.DATE_TIME: _date_time, Type.YES_NO: _yes_no,
    Type.FILE: _file, Type.WEB_ADDRESS: _web_address, Type.EMAIL: _email, Type.PHONE: _phone, Type.CHOICE: _choice,
    Type.CHOICES: _choices, Type.TRANSLATED: _translated, Type.PERCENT: _percent, Type.YEAR: _year,
    Type.GROUP: _group, Type.LIST: _list,
}

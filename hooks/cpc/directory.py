"""Who the cluster is: its members and partners (data/members.yml), its
contact people (data/people.yml) and its own facts for the footer
(data/organisation.yml). Read and checked here, once, for the build and
`make check` alike: every problem names file and line, Norwegian first.
Each file ships empty; what is empty is not shown."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cpc import datafile, fields, kinds
from cpc.problems import Problem

MEMBERS_FILE, PEOPLE_FILE, ORGANISATION_FILE = "data/members.yml", "data/people.yml", "data/organisation.yml"
# Other files for a test or a preview, as GOALS_FILE does for the goals.
FILE_VARIABLES = {MEMBERS_FILE: "MEMBERS_FILE", PEOPLE_FILE: "PEOPLE_FILE", ORGANISATION_FILE: "ORGANISATION_FILE"}
KINDS = kinds.MEMBER.field("kind").choices


@dataclass(frozen=True)
class Member:
    name: str
    url: str
    logo: str  # docs-relative
    kind: str


@dataclass(frozen=True)
class Person:
    name: str
    role: dict  # locale -> text
    email: str
    phone: str | None
    photo: str | None  # docs-relative


@dataclass(frozen=True)
class Organisation:
    address: str
    org_number: str
    social: tuple  # ({name, url}, ...)


@dataclass(frozen=True)
class Directory:
    members: tuple
    people: tuple
    organisation: Organisation


def check_members(data, docs_dir: Path, label: str, locales=("nb", "en")) -> tuple[tuple, list[Problem]]:
    values, problems = _list_file(data, "members", kinds.MEMBER, fields.Context(tuple(locales), docs_dir), label)
    return tuple(Member(v["name"], v["url"], v["logo"], v["kind"]) for v in values), problems


def check_people(data, docs_dir: Path, label: str, locales) -> tuple[tuple, list[Problem]]:
    values, problems = _list_file(data, "people", kinds.PERSON, fields.Context(tuple(locales), docs_dir), label)
    return tuple(Person(v["name"], v["role"], v["email"], v.get("phone"), v.get("photo")) for v in values), problems


def check_organisation(data, label: str, locales=("nb", "en")) -> tuple[Organisation, list[Problem]]:
    if data is not None and not isinstance(data, datafile.Located):
        return Organisation("", "", ()), [Problem(1, f"{label} må bestå av linjer på formen «felt: verdi».",
                                                  f"{label} must be lines of the form \"field: value\".")]
    values, problems = fields.check(kinds.ORGANISATION, data, fields.Context(tuple(locales)))
    return Organisation(values.get("address", ""), values.get("org_number", "").replace(" ", ""),
                        tuple(values.get("social", ()))), problems


def _list_file(data, key: str, kind, context, label: str) -> tuple[list, list[Problem]]:
    """A file that is one list under `key` (members:, people:); empty or
    missing, it lists no one. Only complete entries are returned."""
    if data is None:
        return [], []
    if not isinstance(data, datafile.Located):
        return [], [Problem(1, f"{label} må starte med linjen «{key}:» og en liste under den.",
                            f"{label} must start with the line \"{key}:\" and a list below it.")]
    problems = fields.unknown(data, (key,))
    if data.get(key) is None:
        return [], problems
    values, found = fields.entries(kind, data[key], data.line_of(key), context, key)
    required = [f.name for f in kind.fields if f.required]
    return [v for v in values if all(name in v for name in required)], problems + found


def load(root: Path, docs_dir: Path, locales) -> tuple[Directory, dict[str, list[Problem]]]:
    """The directory, and the problems found in each file, by its label."""
    problems: dict[str, list[Problem]] = {}

    def read(default: str, empty):
        path, label = datafile.chosen(root, FILE_VARIABLES[default], default)
        if not path.exists():
            return empty, label
        try:
            return datafile.load(path, label), label
        except datafile.EncodingError as error:
            problems[label] = [Problem(error.line, error.nb, error.en)]
            return empty, label
        except datafile.DataError as error:
            problems[label] = [Problem(error.line or 1, error.nb, error.en) if error.plain else
                               Problem(error.line or 1, "Filen kan ikke leses. Sjekk innrykket (mellomrom, ikke tabulator), "
                                                        "og sett tekst med kolon i anførselstegn.", str(error))]
            return empty, label

    data, label = read(MEMBERS_FILE, None)
    members, found = check_members(data, docs_dir, label, locales)
    problems.setdefault(label, []).extend(found)
    data, label = read(PEOPLE_FILE, None)
    people, found = check_people(data, docs_dir, label, locales)
    problems.setdefault(label, []).extend(found)
    data, label = read(ORGANISATION_FILE, None)
    organisation, found = check_organisation(data, label, locales)
    problems.setdefault(label, []).extend(found)
    return Directory(members, people, organisation), {label: found for label, found in problems.items() if found}

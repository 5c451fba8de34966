"""Who the cluster is: its members and partners (data/members.yml), its
contact people (data/people.yml) and its own facts for the footer
(data/organisation.yml). Read and checked here, once, for the build and
`make check` alike: every problem names file and line, Norwegian first.
Each file ships empty; what is empty is not shown."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cpc import datafile, media_types
from cpc.problems import Problem, unknown_fields

MEMBERS_FILE, PEOPLE_FILE, ORGANISATION_FILE = "data/members.yml", "data/people.yml", "data/organisation.yml"
# Other files for a test or a preview, as GOALS_FILE does for the goals.
FILE_VARIABLES = {MEMBERS_FILE: "MEMBERS_FILE", PEOPLE_FILE: "PEOPLE_FILE", ORGANISATION_FILE: "ORGANISATION_FILE"}
KINDS = ("member", "partner", "funder")
MEMBER_FIELDS = ("name", "url", "logo", "kind")
PERSON_FIELDS = ("name", "role", "email", "phone", "photo")
ORGANISATION_FIELDS = ("address", "org_number", "social")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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


def _https(value) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme == "https" and parts.netloc)


def _text(entry, key: str, problems: list, label: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(entry.line_of(key), f"Feltet «{key}» mangler eller er tomt i {label}.",
                                f"The field \"{key}\" is missing or empty in {label}."))
        return ""
    return value.strip()


def _file(entry, key: str, docs_dir: Path, problems: list, optional: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and optional:
        return None
    # The content editor (cms.py) writes the same path from docs/ with a leading slash.
    if isinstance(value, str):
        value = value.lstrip("/")
    if not isinstance(value, str) or not value.strip():
        # No file named at all: say which field is empty, not «Filen «None» finnes ikke».
        folder = {"logo": "assets/logos", "photo": "assets/people"}.get(key, "assets/images")
        problems.append(Problem(entry.line_of(key), f"Feltet «{key}» mangler eller er tomt. Last opp filen i "
                                                    f"docs/{folder}/, og skriv stien fra docs/, for eksempel "
                                                    f"{key}: {folder}/navn.svg.",
                                f"The field \"{key}\" is missing or empty. Upload the file to docs/{folder}/, and write "
                                f"its path from docs/, for example {key}: {folder}/name.svg."))
        return None
    if not (docs_dir / value).is_file():
        problems.append(Problem(entry.line_of(key), f"Filen «{value}» finnes ikke i docs/. Last den opp, og skriv stien "
                                                    "fra docs/, for eksempel assets/logos/navn.svg.",
                                f"The file \"{value}\" is not in docs/. Upload it, and write its path from docs/, for "
                                "example assets/logos/name.svg."))
        return None
    return value


def _entries(data, key: str, label: str, problems: list) -> list:
    if not isinstance(data, dict) or key not in data:
        problems.append(Problem(1, f"{label} må ha linjen «{key}:» med en liste (eller «{key}: []» når den er tom).",
                                f"{label} needs the line \"{key}:\" with a list (or \"{key}: []\" while it is empty)."))
        return []
    entries = data[key] or []
    if not isinstance(entries, list):
        problems.append(Problem(data.line_of(key), f"«{key}:» må være en liste, med «- » foran hver oppføring.",
                                f"\"{key}:\" must be a list, with \"- \" before each entry."))
        return []
    bad = [e for e in entries if not isinstance(e, datafile.Located)]
    if bad:
        problems.append(Problem(data.line_of(key), f"Hver oppføring under «{key}:» må ha felt på formen «felt: verdi».",
                                f"Each entry under \"{key}:\" needs fields of the form \"field: value\"."))
    return [e for e in entries if isinstance(e, datafile.Located)]


def check_members(data, docs_dir: Path, label: str) -> tuple[tuple, list[Problem]]:
    problems: list[Problem] = []
    members = []
    seen: dict[str, int] = {}
    for entry in _entries(data, "members", label, problems):
        problems += unknown_fields(entry, MEMBER_FIELDS)
        name = _text(entry, "name", problems, label)
        if name and name.casefold() in seen:
            problems.append(Problem(entry.line_of("name"), f"«{name}» står to ganger i listen (også på linje "
                                                           f"{seen[name.casefold()]}). Slett den ene oppføringen.",
                                    f"\"{name}\" is listed twice (also on line {seen[name.casefold()]}). Delete one "
                                    "of the entries."))
        elif name:
            seen[name.casefold()] = entry.line_of("name")
        url = entry.get("url")
        if not _https(url):
            problems.append(Problem(entry.line_of("url"), f"Lenken til «{name}» må være en hel adresse som begynner med "
                                                         "https://.",
                                    f"The link for \"{name}\" must be a full address starting with https://."))
        kind = entry.get("kind")
        if kind not in KINDS:
            problems.append(Problem(entry.line_of("kind"), f"«kind» for «{name}» må være en av: {', '.join(KINDS)}.",
                                    f"\"kind\" for \"{name}\" must be one of: {', '.join(KINDS)}."))
        logo = _file(entry, "logo", docs_dir, problems)
        if logo and not (logo.lower().endswith(".svg") or media_types.is_raster(logo)):
            problems.append(Problem(entry.line_of("logo"), "Logoen må være SVG, PNG, JPEG eller WebP.",
                                    "The logo must be SVG, PNG, JPEG or WebP."))
        members.append(Member(name, url if isinstance(url, str) else "", logo or "", kind))
    return tuple(members), problems


def check_people(data, docs_dir: Path, label: str, locales) -> tuple[tuple, list[Problem]]:
    problems: list[Problem] = []
    people = []
    for entry in _entries(data, "people", label, problems):
        problems += unknown_fields(entry, PERSON_FIELDS)
        name = _text(entry, "name", problems, label)
        role = entry.get("role")
        if not isinstance(role, dict) or any(not isinstance(role.get(l), str) or not role[l].strip() for l in locales):
            problems.append(Problem(entry.line_of("role"), f"Rollen til «{name}» trenger en tekst per språk: "
                                                          f"role: {{{', '.join(f'{l}: …' for l in locales)}}}.",
                                    f"The role of \"{name}\" needs one text per language: "
                                    f"role: {{{', '.join(f'{l}: ...' for l in locales)}}}."))
            role = {}
        email = entry.get("email")
        if not isinstance(email, str) or not EMAIL.match(email):
            problems.append(Problem(entry.line_of("email"), f"E-postadressen til «{name}» ser ikke riktig ut.",
                                    f"The email address of \"{name}\" does not look right."))
        phone = entry.get("phone")
        if phone is not None and not isinstance(phone, str):
            problems.append(Problem(entry.line_of("phone"), f"Telefonnummeret til «{name}» må stå i anførselstegn, ellers "
                                                           "kan tegn som + og 0 forsvinne: phone: \"+47 912 34 567\".",
                                    f"The phone number of \"{name}\" must be in quotes, or characters such as + and 0 "
                                    "may be lost: phone: \"+47 912 34 567\"."))
        photo = _file(entry, "photo", docs_dir, problems, optional=True)
        people.append(Person(name, dict(role), email if isinstance(email, str) else "",
                             str(phone) if phone is not None else None, photo))
    return tuple(people), problems


def check_organisation(data, label: str) -> tuple[Organisation, list[Problem]]:
    problems: list[Problem] = []
    data = data if isinstance(data, datafile.Located) else datafile.Located()
    problems += unknown_fields(data, ORGANISATION_FIELDS)
    address = data.get("address") or ""
    number = str(data.get("org_number") or "").replace(" ", "")
    if number and not re.fullmatch(r"\d{9}", number):
        problems.append(Problem(data.line_of("org_number"), "Organisasjonsnummeret skal være ni sifre.",
                                "The organisation number must be nine digits."))
    social = []
    for entry in data.get("social") or []:
        if not isinstance(entry, dict) or not entry.get("name") or not _https(entry.get("url")):
            line = entry.line if isinstance(entry, datafile.Located) else data.line_of("social")
            problems.append(Problem(line, "Hver profil under «social:» trenger «name:» og en «url:» som begynner med "
                                          "https://.",
                                    "Each profile under \"social:\" needs \"name:\" and a \"url:\" starting with https://."))
            continue
        social.append({"name": entry["name"], "url": entry["url"]})
    return Organisation(str(address).strip(), number, tuple(social)), problems


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
            problems[label] = [Problem(error.line or 1, "Filen kan ikke leses. Sjekk innrykket (mellomrom, ikke tabulator), "
                                                        "og sett tekst med kolon i anførselstegn.", str(error))]
            return empty, label

    data, label = read(MEMBERS_FILE, {"members": []})
    members, found = check_members(data, docs_dir, label)
    problems.setdefault(label, []).extend(found)
    data, label = read(PEOPLE_FILE, {"people": []})
    people, found = check_people(data, docs_dir, label, locales)
    problems.setdefault(label, []).extend(found)
    data, label = read(ORGANISATION_FILE, None)
    organisation, found = check_organisation(data, label)
    problems.setdefault(label, []).extend(found)
    return Directory(members, people, organisation), {label: found for label, found in problems.items() if found}

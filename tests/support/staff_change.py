"""A realistic staff pull request, made the way CONTRIBUTING.md says, on a
copy of the real site (issue 24): a news post with a phone photo in both
languages, a Norwegian-only event with sign-up, three members with a PNG, a
JPEG and an SVG logo, a contact person with a photo, the address and
organisation number, and one published measurement for a goal.

It adds to whatever the live content holds, as a staff member would; the
names and figures are made up and live only in the test's copy.
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import yaml

from cpc import directory, goals, places
from support.site import DEFAULT, LANGUAGES, OTHER, address, news_address, root

NEWS = places.NEWS
POST, EVENT = "besok-gjenvinningsanlegg", "frokostmote-fiber"
ABOUT = "om-klyngen"  # where the members' logos show, besides home
LOGOS = ("assets/logos/ny-medlem.png", "assets/logos/nytt-medlem.jpg", "assets/logos/ny-partner.svg")
PORTRAIT = "assets/people/ny-kontakt.jpg"
SVG_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60">'
            '<rect width="200" height="60" rx="6" fill="#2d6a4f"/><circle cx="30" cy="30" r="16" fill="#fff"/></svg>\n')


def _load(path: Path, key: str):
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(key)


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def apply(project: Path, today: datetime.date, photo: Path) -> list[str]:
    """Make the change in `project`; return the site paths it touched (touched_paths)."""
    from PIL import Image

    docs, day = project / "docs", lambda n: (today + datetime.timedelta(days=n)).isoformat()
    news = docs / NEWS
    news.mkdir(parents=True, exist_ok=True)
    # The photo keeps the name the phone gave it, GPS position and all.
    shutil.copy2(photo, news / "IMG_4711.JPG")
    (news / LANGUAGES.source_name(POST, DEFAULT)).write_text(
        f"---\ntitle: Klyngen besøkte et gjenvinningsanlegg\ndescription: Medlemmene så hvordan plast sorteres.\n"
        f"date: {day(0)}\nimage: IMG_4711.JPG\nimage_alt: Medlemmer ser på sorteringsbåndet\n"
        "image_caption: Sorteringsbåndet i full drift.\nimage_credit: Kari Nordmann\n---\n\nTekst om besøket.\n\n"
        "## Hva vi så\n\nMer tekst.\n", encoding="utf-8")
    (news / LANGUAGES.source_name(POST, OTHER)).write_text(
        f"---\ntitle: The cluster visited a recycling plant\ndescription: Members saw how plastic is sorted.\n"
        f"date: {day(0)}\nimage_alt: Members look at the sorting belt\n---\n\nText about the visit.\n", encoding="utf-8")
    (news / LANGUAGES.source_name(EVENT, DEFAULT)).write_text(
        f"---\ntitle: Frokostmøte om fiberemballasje\ndescription: Invitasjon til frokostmøte.\ndate: {day(0)}\n"
        f"event:\n  start: {day(21)} 08:00\n  end: {day(21)} 09:30\n  location: Pakkhuset, Oslo\n"
        f"  signup_until: {day(14)}\n---\n\nVelkommen til frokostmøte.\n\n## Program\n\n- 08.00 Velkommen\n",
        encoding="utf-8")

    logos = docs / "assets" / "logos"
    people = docs / "assets" / "people"
    logos.mkdir(parents=True, exist_ok=True)
    people.mkdir(parents=True, exist_ok=True)
    with Image.open(photo) as image:
        image.crop((0, 0, 800, 240)).save(docs / LOGOS[0])
        image.crop((800, 0, 1600, 240)).convert("RGB").save(docs / LOGOS[1], quality=90)
        image.crop((0, 0, 800, 800)).convert("RGB").save(docs / PORTRAIT, quality=90)
    (docs / LOGOS[2]).write_text(SVG_LOGO, encoding="utf-8")

    members_file = project / directory.MEMBERS_FILE
    members = _load(members_file, "members") or []
    # Names no live member or person has, since each is listed once.
    def fresh(name: str, entries: list) -> str:
        taken = {entry.get("name") for entry in entries}
        return next(f"{name} {n}".strip() for n in ("", *range(2, 99)) if f"{name} {n}".strip() not in taken)

    members += [
        {"name": fresh("Nytt Medlem AS", members), "url": "https://nytt-medlem.example", "logo": LOGOS[0], "kind": "member"},
        {"name": fresh("Annet Medlem AS", members), "url": "https://annet-medlem.example", "logo": LOGOS[1],
         "kind": "member"},
        {"name": fresh("Ny Partner AS", members), "url": "https://ny-partner.example", "logo": LOGOS[2], "kind": "partner"}]
    _dump(members_file, {"members": members})
    people_file = project / directory.PEOPLE_FILE
    people = _load(people_file, "people") or []
    _dump(people_file, {"people": people + [
        {"name": fresh("Ny Kontaktperson", people), "role": {DEFAULT: "Rådgiver", OTHER: "Adviser"}, "email": "ny@example.com",
         "phone": "+47 400 00 001", "photo": PORTRAIT}]})
    organisation_file = project / directory.ORGANISATION_FILE
    organisation = yaml.safe_load(organisation_file.read_text(encoding="utf-8")) or {}
    _dump(organisation_file, {**organisation, "address": "Eksempelgata 1, 0150 Oslo", "org_number": "123456789"})

    _add_measurement(project / goals.GOALS_FILE, today)
    return touched_paths()


def gated_paths() -> list[str]:
    """The touched pages the browser gates visit: the new post in every
    language, the event, and the Norwegian home, news and about pages, where
    the new logos, news and facts show. The sample site's gates cover the
    contact and goals pages with people and measurements, and Nu and the
    links read every touched page."""
    return [root(DEFAULT), news_address(DEFAULT), f"{root(DEFAULT)}{ABOUT}/", news_address(DEFAULT, EVENT)] + \
        [news_address(lang, POST) for lang in LANGUAGES.locales]


def touched_paths() -> list[str]:
    """The pages the change shows on: home, news, the post, contact, goals
    and about in every language, and the Norwegian-only event."""
    touched = []
    for lang in LANGUAGES.locales:
        touched += [root(lang), news_address(lang), news_address(lang, POST), address("contact", lang),
                    address("goals", lang), f"{root(lang)}{ABOUT}/"]
    return touched + [news_address(DEFAULT, EVENT)]


def _add_measurement(goals_file: Path, today: datetime.date) -> None:
    """One published figure for the first goal with a baseline, written as
    the guide says: under `measurements:` of that goal."""
    data = yaml.safe_load(goals_file.read_text(encoding="utf-8"))
    goal = next(g for g in data["goals"] if g.get("kind") == "quantitative" and g.get("baseline"))
    low, high = sorted((goal["baseline"]["value"], goal["target"]["value"]))
    measured = {m["year"] for m in goal.get("measurements") or []}
    # A year the goal has no figure for yet (one figure per year), newest first.
    year = next(y for y in range(today.year, goal["baseline"]["year"], -1) if y not in measured)
    goal["measurements"] = (goal.get("measurements") or []) + [
        {"year": year, "value": round((low + high) / 2, 1), "source_title": "Eksempelstatistikk",
         "source_url": "https://statistikk.example/plast"}]
    _dump(goals_file, data)

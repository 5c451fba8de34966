"""The populated sample site (tests/sample/), written into a project copy.

The copy's own news and data files are replaced by the sample's, so tests
see the same content whatever staff have published: their posts, members or
goals never change what a test expects. What the tests expect is read back
from the sample files themselves (`Sample.posts`), not written twice.
"""
from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import yaml

from cpc import directory, places
from sitetools.build import ROOT
from support.site import LANGUAGES

SAMPLE = ROOT / "tests" / "sample"
NEWS = places.NEWS
# The directory's data files as they ship, before staff fill them in: empty,
# so the editor's first save of each adds only what staff wrote.
EMPTY_DATA = {directory.MEMBERS_FILE: "", directory.PEOPLE_FILE: "", directory.ORGANISATION_FILE: ""}
# Posts readers must not see yet: slug -> title (tests/sample/docs/nyheter/).
HELD_BACK = {"utkast": "Et utkast om plastløfter", "planlagt": "En sak som kommer om fem dager"}
# A page whose text gets a HEIC picture, as staff would add one.
HEIC_PAGE = "om-klyngen"
# The photo post's picture, as uploaded from the phone (tests/sample/docs/nyheter/besok.md).
PHOTO = "besok-anlegg.jpg"
HEIC_ALT = {"nb": "Sorteringsanlegget", "en": "The sorting plant"}
_DAY = re.compile(r"\{day([+-]\d+)\}")


@dataclass(frozen=True)
class Sample:
    project: Path
    # slug -> {lang: (title, description, date, event or None)}, published posts only.
    posts: dict
    # The photo in the photo post, as uploaded (with its GPS position).
    photo: Path


def in_language(versions: dict, lang: str):
    """A post's version shown in `lang`: its own, or the Norwegian one."""
    return versions.get(lang) or next(iter(versions.values()))


def upcoming(posts: dict, lang: str, today: datetime.date) -> list[str]:
    """Titles of the events still to come, soonest first, as `lang` lists them."""
    events = [in_language(v, lang) for v in posts.values() if in_language(v, lang)[3]]
    return [e[0] for e in sorted(events, key=lambda e: e[3]["start"]) if e[3]["start"][:10] >= today.isoformat()]


def latest(posts: dict, lang: str, today: datetime.date) -> list[str]:
    """Titles of every other post, newest first, as `lang` lists them."""
    coming = set(upcoming(posts, lang, today))
    shown = [in_language(v, lang) for v in posts.values()]
    return [p[0] for p in sorted(shown, key=lambda p: p[2], reverse=True) if p[0] not in coming]


def fill_days(text: str, today: datetime.date) -> str:
    """'{day-3}' -> the ISO date three days before `today`."""
    return _DAY.sub(lambda m: (today + datetime.timedelta(days=int(m.group(1)))).isoformat(), text)


def clear_content(project: Path) -> None:
    """Take the live posts out of a project copy and empty its directory
    files (members, people, the organisation's facts), as the site ships.
    Nothing here depends on what staff have or have not added."""
    shutil.rmtree(project / "docs" / NEWS, ignore_errors=True)
    for name, text in EMPTY_DATA.items():
        (project / name).write_text(text, encoding="utf-8")


def write_sample(project: Path, today: datetime.date, phone) -> Sample:
    """Put the sample content into `project` (a copy made by copy_project),
    with dates around `today` and media made from the phone photos."""
    clear_content(project)
    for source in sorted(SAMPLE.rglob("*")):
        rel = source.relative_to(SAMPLE)
        if source.is_dir() or rel.parts[0] not in ("docs", "data"):
            continue
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in (".md", ".yml"):
            target.write_text(fill_days(source.read_text(encoding="utf-8"), today), encoding="utf-8")
        else:
            shutil.copy2(source, target)
    news = project / "docs" / NEWS
    shutil.copy2(phone.jpeg, news / PHOTO)
    program = pikepdf.new()  # a real PDF: the media step reads and cleans every one
    program.add_blank_page()
    program.save(news / "workshop-program.pdf")
    _write_raster_media(project, phone.jpeg)
    if phone.heic:
        shutil.copy2(phone.heic, project / "docs" / "assets" / "images" / "sortering.heic")
        for lang, alt in HEIC_ALT.items():
            page = project / "docs" / LANGUAGES.source_name(HEIC_PAGE, lang)
            page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}](assets/images/sortering.heic)\n",
                            encoding="utf-8")
    return read_sample(project, today)


def read_sample(project: Path, today: datetime.date) -> Sample:
    """The Sample of a project copy write_sample has written."""
    return Sample(project, _posts_in(SAMPLE / "docs" / NEWS, today), project / "docs" / NEWS / PHOTO)


def write_posts(project: Path, today: datetime.date, stems: tuple[str, ...]) -> None:
    """Only some of the sample's posts, in every language they have, in place
    of the live ones: for a test about a site with those posts alone."""
    clear_content(project)
    folder = project / "docs" / NEWS
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted((SAMPLE / "docs" / NEWS).glob("*.md")):
        if LANGUAGES.split(source.name)[0] in stems:
            (folder / source.name).write_text(fill_days(source.read_text(encoding="utf-8"), today), encoding="utf-8")


def _write_raster_media(project: Path, photo: Path) -> None:
    """A PNG and a JPEG logo and a portrait, cut from a real photograph (a
    flat synthetic picture would flatter the image step)."""
    from PIL import Image

    logos, people = project / "docs" / "assets" / "logos", project / "docs" / "assets" / "people"
    logos.mkdir(parents=True, exist_ok=True)
    people.mkdir(parents=True, exist_ok=True)
    with Image.open(photo) as image:
        image.crop((0, 0, 900, 300)).save(logos / "prove.png")
        image.crop((900, 0, 1800, 300)).save(logos / "tredje.jpg", quality=90)
        image.crop((0, 0, 600, 600)).save(people / "ola.jpg", quality=90)


def page_paths(today: datetime.date) -> list[str]:
    """Site paths of the pages the sample adds or changes, read from its files
    (no build needed, so gates can be parametrized by them): each language's
    home, news page and year archives, every published post in its languages,
    and the pages that show members, people and goals."""
    posts = _posts_in(SAMPLE / "docs" / NEWS, today)
    paths = []
    for lang in LANGUAGES.locales:
        root = LANGUAGES.root(lang)
        paths += [root, f"{root}{NEWS}/", f"{root}{HEIC_PAGE}/"]
        paths += [f"{root}{places.PAGES[role]}/" for role in ("contact", "goals")]
        coming = upcoming(posts, lang, today)
        paths += sorted({f"{root}{NEWS}/{in_language(v, lang)[2][:4]}/" for v in posts.values()
                         if in_language(v, lang)[0] not in coming})
        paths += [f"{root}{NEWS}/{stem}/" for stem, versions in posts.items() if lang in versions]
    return paths


# The posts the page gates visit: each kind the sample has, the photo post
# and the sign-up event in both languages, the others in one (the gates
# already see every page kind of the real site in both).
GATED_POSTS = (("besok", "workshop", "nettverksmote", "kun-norsk"),
               ("besok", "workshop", "frokostmote", "to-sprak"))


def gated_paths(today: datetime.date) -> list[str]:
    """The sample pages the browser gates visit: the pages the sample changes
    (home, news, about, contact, goals) in the default language, home and
    news in the others, and the posts of GATED_POSTS. The other languages'
    about, contact and goals pages share the default's template and data,
    and the year archives the news page's; Nu and the links read them all."""
    gated = []
    for lang, stems in zip(LANGUAGES.locales, GATED_POSTS):
        root = LANGUAGES.root(lang)
        gated += [root, f"{root}{NEWS}/"]
        if lang == LANGUAGES.default:
            gated += [f"{root}{HEIC_PAGE}/", f"{root}{places.PAGES['contact']}/", f"{root}{places.PAGES['goals']}/"]
        gated += [f"{root}{NEWS}/{stem}/" for stem in stems]
    return gated


def _posts_in(folder: Path, today: datetime.date) -> dict:
    posts: dict = {}
    for file in sorted(folder.glob("*.md")):
        stem, lang = LANGUAGES.split(file.name)
        if stem not in HELD_BACK:
            meta = yaml.safe_load(fill_days(file.read_text(encoding="utf-8"), today).split("---\n", 2)[1])
            event = {key: str(value) for key, value in meta["event"].items()} if meta.get("event") else None
            posts.setdefault(stem, {})[lang] = (meta["title"], meta["description"], str(meta["date"]), event)
    return posts


def members() -> list[dict]:
    return yaml.safe_load((SAMPLE / directory.MEMBERS_FILE).read_text(encoding="utf-8"))["members"]


def people() -> list[dict]:
    return yaml.safe_load((SAMPLE / directory.PEOPLE_FILE).read_text(encoding="utf-8"))["people"]


# One invitation written by hand, as the guide's template has it: the rules
# accept it, and a test changes one line of it at a time.
GOOD_POST = """---
title: Nytt fra klyngen
description: En invitasjon.
date: 2027-03-04
event:
  start: 2027-03-04 10:00
  end: 2027-03-04 15:30
  location: Pakkhuset, Oslo
  signup_until: 2027-02-25
---

Tekst.
"""
INVITATION = LANGUAGES.source_name("invitasjon", LANGUAGES.default)

"""Who the cluster is, from data/members.yml and data/people.yml: a logo wall
on the home page and on "Om klyngen", contact people on "Kontakt". Empty
files show nothing; the sample site (tests/sample/) fills them."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cpc import directory
from support import LANGUAGES
from support.sample import members, people
from support.site import DEFAULT, HOMES, LOCALES, OTHER, address

ABOUT = "om-klyngen/"  # the about page, under each language's home
CONTACT_PAGES = [address("contact", lang) for lang in LOCALES]


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", [*HOMES, ABOUT, *CONTACT_PAGES])
def test_empty_files_show_nothing(bare_site, path):
    soup = soup_of(bare_site, path)
    assert not soup.select(".cpc-members, .cpc-people")
    assert not soup.select(".cpc-home-news")


@pytest.mark.parametrize("path", [*HOMES, *(home + ABOUT for home in HOMES)])
def test_the_logo_wall_links_each_member_with_its_name_as_alt_text(sample_site, path):
    site, _, _ = sample_site
    wall = soup_of(site, path).select_one(".cpc-members")
    links = wall.select("a")
    assert [(a["href"], a.find("img")["alt"]) for a in links] == [(m["url"], m["name"]) for m in members()]
    rasters = wall.select("picture img")
    assert len(rasters) == 2  # the PNG and the JPEG logo; the SVGs as they are
    for raster in rasters:
        assert raster["width"] and raster["height"] and (site / path / raster["src"]).resolve().is_file()
    assert len(wall.select("h3")) == len({m["kind"] for m in members()})  # members, partners, funders


@pytest.mark.parametrize("lang", LOCALES)
def test_contact_people_show_on_the_contact_page(sample_site, lang):
    site, _, _ = sample_site
    shown = soup_of(site, address("contact", lang)).select(".cpc-person")
    assert [p.select_one(".cpc-person__name").get_text() for p in shown] == [p["name"] for p in people()]
    for person, entry in zip(shown, people()):
        assert person.select_one(".cpc-person__role").get_text() == entry["role"][lang]
        assert person.select_one(f'a[href="mailto:{entry["email"]}"]')
        # With a photo, the picture names the person; without, there is none.
        picture = person.select_one("picture img")
        assert (picture["alt"] if picture else None) == (entry["name"] if entry.get("photo") else None)
        if entry.get("phone"):
            assert person.select_one(f'a[href="tel:{entry["phone"].replace(" ", "")}"]')


BAD = [
    ("members.yml", "members:\n  - name: A\n    url: http://a.example\n    kind: member\n    logo: assets/images/logo.svg\n", 3,
     "https://"),
    ("members.yml", "members:\n  - name: A\n    url: https://a.example\n    kind: member\n    logo: assets/nei.svg\n", 5,
     "finnes ikke i docs/"),
    # A member without a logo is told which field is empty (not «Filen «None» finnes ikke»).
    ("members.yml", "members:\n  - name: A\n    url: https://a.example\n    kind: member\n", 2,
     "Medlemmet «A» mangler logo (logo). Legg til linjen «logo: assets/logos/eksempel.svg» under oppføringen."),
    ("members.yml", "members:\n  - name: A\n    url: https://a.example\n    kind: sponsor\n    logo: assets/images/logo.svg\n",
     4, "member, partner, funder"),
    ("people.yml", "people:\n  - name: B\n    role: Leder\n    email: b@example.com\n", 3, "trenger én tekst per språk"),
    ("people.yml", f"people:\n  - name: B\n    role: {{{DEFAULT}: Leder, {OTHER}: Head}}\n    email: b-at-example\n", 4,
     "ser ikke ut som en e-postadresse"),
    ("organisation.yml", "address: ''\norg_number: '12345'\nsocial: []\n", 2, "ni sifre"),
]


@pytest.mark.parametrize(("name", "text", "line", "norwegian"), BAD, ids=[f"{b[0]}:{b[3]}" for b in BAD])
def test_each_mistake_is_named_with_file_and_line(tmp_path, name, text, line, norwegian):
    root = tmp_path
    (root / "data").mkdir()
    (root / "docs" / "assets" / "images").mkdir(parents=True)
    (root / "docs" / "assets" / "images" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "data" / name).write_text(text, encoding="utf-8")
    _, problems = directory.load(root, root / "docs", LANGUAGES.locales)
    [found] = problems[f"data/{name}"]
    assert found.line == line and norwegian in found.nb, found
    assert "None" not in found.nb + found.en, found



# Empty as it ships (no text), as the editor writes it once the last entry or
# value is removed ("{}"), or as staff may leave it.
EMPTY_FORMS = [(name, text) for name in ("members.yml", "people.yml", "organisation.yml")
               for text in ("", "{}\n", "# Ingen ennå.\n")] + [
    ("members.yml", "members:\n"), ("members.yml", "members: []\n"), ("people.yml", "people: []\n"),
    ("organisation.yml", "address: ''\norg_number: ''\nsocial: []\n")]


@pytest.mark.parametrize(("name", "text"), EMPTY_FORMS)
def test_an_empty_directory_file_is_accepted_in_every_form_the_editor_or_staff_leave(tmp_path, name, text):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    found, problems = directory.load(tmp_path, tmp_path / "docs", LANGUAGES.locales)
    assert problems == {}
    assert (found.members, found.people, found.organisation) == ((), (), directory.Organisation("", "", ()))


def test_a_directory_file_without_its_list_says_which_line_it_needs(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "members.yml").write_text("- name: A\n  url: https://a.example\n", encoding="utf-8")
    _, problems = directory.load(tmp_path, tmp_path / "docs", LANGUAGES.locales)
    [found] = problems["data/members.yml"]
    assert found.line == 1 and "må starte med linjen «members:»" in found.nb, found

"""The bilingual site: build, parity, per-page metadata, switcher, sitemap, 404."""
from __future__ import annotations

import re
from xml.etree import ElementTree
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from cpc import news
from support import ROOT, build_project, copy_project
from support.site import DEFAULT, LANGUAGES, LOCALES, NEWS, OTHER, address, in_languages, root, slug, source_name, ui

SITE_URL = "https://www.cpcluster.no/"
DOCS = ROOT / "docs"


def language(path: Path) -> str:
    """The language of a source file, by its name."""
    return LANGUAGES.split(path.name)[1]


def source_pages() -> list[Path]:
    """Norwegian source pages (each must have an English twin); posts, which
    need not have one, are tested in test_news.py."""
    return sorted(p for p in DOCS.rglob("*.md")
                  if language(p) == DEFAULT and not news.is_post(p.relative_to(DOCS).as_posix()))


def in_language(source: Path, lang: str) -> Path:
    """A source page's file in a language: om-klyngen.md -> om-klyngen.en.md."""
    return source.with_name(source_name(LANGUAGES.split(source.name)[0], lang))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1))


def url_path(source: Path, lang: str) -> str:
    """Site-relative URL path of a source page in a language, e.g. 'en/om-klyngen/'."""
    rel = source.relative_to(DOCS).with_suffix("").as_posix()
    rel = "" if rel == "index" else (rel[: -len("index")] if rel.endswith("/index") else rel + "/")
    return root(lang) + rel


def built_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html"


def soup_of(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup(built_file(site_dir, path).read_text(encoding="utf-8"), "html.parser")


PAGES = [(source, lang) for source in source_pages() for lang in LOCALES]
PAGE_IDS = [f"{lang}:{source.relative_to(DOCS)}" for source, lang in PAGES]


@pytest.mark.parametrize("drop", [source_name("om-klyngen", OTHER), source_name(slug("contact"), DEFAULT)])
def test_missing_translation_stops_the_build_naming_the_file(tmp_path, drop):
    project = copy_project(tmp_path / "project")
    (project / "docs" / drop).unlink()
    result = build_project(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    stem, lang = LANGUAGES.split(drop)
    other = source_name(stem, OTHER if lang == DEFAULT else DEFAULT)
    assert f"docs/{other}:1: FEIL / ERROR" in output, output
    assert f"Lag docs/{drop}" in output and f"Create docs/{drop}" in output, output


def test_missing_ui_string_stops_the_build_naming_the_key(tmp_path):
    project = copy_project(tmp_path / "project")
    strings = project / "data" / "ui.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace(f"  {OTHER}: {ui('skip_link', OTHER)}\n", ""), encoding="utf-8")
    result = build_project(project, tmp_path / "site")
    assert result.returncode != 0
    line = (ROOT / "data" / "ui.yml").read_text(encoding="utf-8").splitlines().index("skip_link:") + 1
    assert f"data/ui.yml:{line}: 'skip_link' has no '{OTHER}' text" in result.stdout + result.stderr


def test_strict_build_prints_no_warnings(tmp_path):
    result = build_project(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line]
    assert warnings == []


@pytest.mark.parametrize(("source", "lang"), PAGES, ids=PAGE_IDS)
def test_page_metadata(site_dir, source, lang):
    path = url_path(source, lang)
    soup = soup_of(site_dir, path)
    meta = front_matter(in_language(source, lang))
    other = OTHER if lang == DEFAULT else DEFAULT

    assert soup.html["lang"] == lang
    assert soup.title.string.strip() == f"{meta['title']} - Circular Packaging Cluster"
    assert soup.find("meta", attrs={"name": "description"})["content"] == meta["description"]
    assert soup.find("link", rel="canonical")["href"] == SITE_URL + path

    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {
        lang: SITE_URL + path,
        other: SITE_URL + url_path(source, other),
        "x-default": SITE_URL + url_path(source, DEFAULT),
    }
    og = {tag["property"]: tag["content"] for tag in soup.find_all("meta", property=True)}
    assert og["og:url"] == SITE_URL + path
    assert og["og:title"] == meta["title"]
    assert og["og:description"] == meta["description"]
    # Open Graph's own locale codes, written here rather than read from ui.yml.
    og_locale = in_languages("nb_NO", "en_GB")
    assert og["og:locale"] == og_locale[lang]
    assert og["og:locale:alternate"] == og_locale[other]
    assert og["og:image"].startswith(SITE_URL)


@pytest.mark.parametrize(("source", "lang"), PAGES, ids=PAGE_IDS)
def test_language_switcher_leads_to_the_same_page(site_dir, source, lang):
    path = url_path(source, lang)
    soup = soup_of(site_dir, path)
    links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert set(links) == set(LOCALES)
    # Each language's name is marked up in that language, for screen readers.
    assert all(a.get("lang") == a["hreflang"] for a in soup.select("a.md-select__link"))
    for target_lang, href in links.items():
        resolved = normpath("/" + path + href).lstrip("/")
        expected = url_path(source, target_lang).rstrip("/")
        assert resolved.rstrip("/").removeprefix(".") == expected, f"{path}: {target_lang} switcher → {href}"


def test_site_url_can_be_overridden_for_a_sub_path(tmp_path):
    base = "https://user.github.io/repo/"
    result = build_project(ROOT, tmp_path / "site", SITE_URL=base)
    assert result.returncode == 0, result.stderr
    path = root(OTHER) + "om-klyngen/"
    soup = soup_of(tmp_path / "site", path)
    assert soup.find("link", rel="canonical")["href"] == base + path
    hrefs = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    # Switcher links stay relative, so they work under the sub-path.
    assert not any(href.startswith("/") for href in hrefs.values())
    home = soup_of(tmp_path / "site", "")
    assert not any(a["href"].startswith("/") for a in home.select("a.md-select__link"))


def test_sitemap_lists_both_languages_with_alternates(site_dir):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site_dir / "sitemap.xml").getroot().findall("s:url", ns)
    entries = {u.findtext("s:loc", namespaces=ns): {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)} for u in urls}
    for source, lang in PAGES:
        loc = SITE_URL + url_path(source, lang)
        assert loc in entries
        assert entries[loc] == {code: SITE_URL + url_path(source, code) for code in LOCALES}


def test_home_page_shows_focus_areas_and_calls_to_action(site_dir):
    for lang in LOCALES:
        home = root(lang)
        soup = soup_of(site_dir, home)
        cards = soup.select(".cpc-home-focus .cpc-focus-card a")
        area_paths = sorted(url_path(p, lang) for p in (DOCS / slug("focus_areas")).glob("*.md")
                            if language(p) == DEFAULT and p.name != "index.md")
        # One card per focus-area page, however many there are.
        assert sorted(normpath(home + a["href"]) + "/" for a in cards) == area_paths and area_paths
        buttons = [normpath("/" + home + a["href"]).lstrip("/") for a in soup.select("a.md-button")]
        assert address("membership", lang).rstrip("/") in buttons
        assert address("contact", lang).rstrip("/") in buttons


def test_contact_pages_give_the_email_address(site_dir):
    for path in (address("contact", lang) for lang in LOCALES):
        soup = soup_of(site_dir, path)
        assert soup.select_one('article a[href="mailto:post@cpcluster.no"]'), path


def test_no_third_party_assets_in_markup(site_dir):
    for html in site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe"]):
            ref = tag.get("src") or (tag.get("href") if tag.name == "link" and tag.get("rel") != ["canonical"] and tag.get("rel") != ["alternate"] else None)
            if ref:
                assert not urlsplit(ref).netloc, f"{html.relative_to(site_dir)} loads {ref}"


# --- 404, served the way GitHub Pages serves it ---------------------------


@pytest.mark.xdist_group("sample-site")
def test_no_staff_note_is_published(site_dir, sample_site):
    """FYLL INN notes stay in the Markdown for staff and never reach a page,
    on the real site and on the sample, whose posts carry one."""
    sample_dir, _, sample = sample_site
    assert "FYLL INN" in (sample.project / "docs" / NEWS / "kun-norsk.md").read_text(encoding="utf-8")
    for site in (site_dir, sample_dir):
        for html in site.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            for note in ("FYLL INN", "Ikke finn på", "Do not invent"):
                assert note not in text, f"{html.relative_to(site)} publishes a staff note ({note})"


@pytest.mark.parametrize("lang", LOCALES)
def test_membership_terms_say_one_true_sentence_until_the_cluster_fills_them_in(site_dir, lang):
    soup = soup_of(site_dir, address("membership", lang))
    heading = soup.find("h2", string=in_languages("Medlemsvilkår", "Membership terms")[lang])
    following = heading.find_next_sibling()
    assert following.name == "p" and "post@cpcluster.no" in following.get_text()


def test_english_pages_reach_the_shared_images(tmp_path):
    """Images and attachments in docs/ are one copy, linked from both languages."""
    project = copy_project(tmp_path / "project")
    for name in (source_name("om-klyngen", lang) for lang in LOCALES):
        page = project / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + "\n![Logo](assets/images/logo.svg)\n", encoding="utf-8")
    result = build_project(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (root(lang) + "om-klyngen/" for lang in LOCALES):
        img = soup_of(tmp_path / "site", path).select_one('article img[alt="Logo"]')
        assert (tmp_path / "site" / path / img["src"]).resolve() == tmp_path / "site" / "assets" / "images" / "logo.svg"

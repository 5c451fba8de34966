"""One page frame (issue 27): no sidebars, a long page's sections under its
title, the focus areas as cards on their index, and posts that lead on to
the next and back to the news. On a project copy with pages and posts the
tests write themselves."""
from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cpc import markers, views
from support import build_project, copy_project
from support.site import DEFAULT, LOCALES, OTHER, address, in_languages, news_address, root, slug, source_name, ui


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def page_text(title: str, sections: int) -> str:
    body = "".join(f"## Del {n}\n\nTekst {n}.\n\n" for n in range(1, sections + 1))
    return f"---\ntitle: {title}\ndescription: {title}.\n---\n\n# {title}\n\n{body}"


# Focus areas of the test's own: (stem, title, description) per language.
AREAS = [("omrade-a", in_languages("Område A", "Area A"), in_languages("Om A.", "About A.")),
         ("omrade-b", in_languages("Område B", "Area B"), in_languages("Om B.", "About B."))]


@pytest.fixture(scope="module")
def frame_site(tmp_path_factory, build_env):
    """A copy whose thank-you page is long in Norwegian and short in English,
    and whose focus-area section (in the menu) holds two areas of the test's
    own; the pages it had stay in place, outside the menu, as links reach them."""
    project = copy_project(tmp_path_factory.mktemp("frame") / "project")
    docs = project / "docs"
    long, short = views.INLINE_TOC_FROM, views.INLINE_TOC_FROM - 1
    (docs / source_name(slug("thanks"), DEFAULT)).write_text(page_text("Lang side", long), encoding="utf-8")
    (docs / source_name(slug("thanks"), OTHER)).write_text(page_text("Short page", short), encoding="utf-8")
    focus = docs / slug("focus_areas")
    for lang in LOCALES:
        title = in_languages("Fokusområder", "Focus areas")[lang]
        (focus / source_name("index", lang)).write_text(
            f"---\ntitle: {title}\ndescription: {title}.\n---\n\n# {title}\n\nIntro.\n\n{markers.FOCUS_MARKER}\n",
            encoding="utf-8")
        for stem, titles, descriptions in AREAS:
            (focus / source_name(stem, lang)).write_text(
                f"---\ntitle: {titles[lang]}\ndescription: {descriptions[lang]}\n---\n\n# {titles[lang]}\n\nTekst.\n",
                encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("      - fokusomrader/index.md\n")
    end = text.index("  - bli-medlem.md")
    areas = "".join(f"      - fokusomrader/{stem}.md\n" for stem, _, _ in AREAS)
    config.write_text(text[:start] + "      - fokusomrader/index.md\n" + areas + text[end:], encoding="utf-8")
    site = tmp_path_factory.mktemp("frame-site")
    result = build_project(project, site, **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_no_page_has_a_sidebar_beside_its_text(frame_site):
    pages = [path.parent for path in frame_site.rglob("index.html") if "admin" not in path.parts]
    assert len(pages) > 10
    for folder in pages:
        soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        for sidebar in soup.select(".md-sidebar--primary, .md-sidebar--secondary"):
            assert sidebar.has_attr("hidden"), folder


def test_a_long_page_lists_its_sections_under_its_title(frame_site):
    long_page = soup_of(frame_site, address("thanks", DEFAULT))
    toc = long_page.select_one("h1 + nav.cpc-page-toc")
    assert toc is not None and ui("page_toc_title", DEFAULT) in toc.get_text()
    headings = long_page.select(".md-content h2[id]")
    assert [(a["href"], a.get_text()) for a in toc.select("a")] == [("#" + h["id"], h.get_text()) for h in headings]
    assert len(headings) == views.INLINE_TOC_FROM
    assert not soup_of(frame_site, address("thanks", OTHER)).select(".cpc-page-toc")


@pytest.mark.parametrize("lang", LOCALES)
def test_the_focus_area_index_shows_each_area_as_a_card(frame_site, lang):
    index = address("focus_areas", lang)
    soup = soup_of(frame_site, index)
    assert markers.FOCUS_MARKER not in str(soup)
    cards = soup.select(".md-content .cpc-focus-cards > li.cpc-focus-card")
    found = [(card.a.get_text(), posixpath.normpath(index + card.a["href"]) + "/", card.p.get_text()) for card in cards]
    assert found == [(titles[lang], f"{index}{stem}/", descriptions[lang]) for stem, titles, descriptions in AREAS]
    # The home page shows the same cards.
    home = soup_of(frame_site, root(lang))
    assert [a.get_text() for a in home.select(".cpc-home-focus .cpc-focus-card a")] == [t[lang] for _, t, _ in AREAS]


# --- Posts lead on ----------------------------------------------------------------------

def post_links(site: Path, lang: str, post: str) -> dict:
    soup = soup_of(site, news_address(lang, post))
    nav = soup.select_one("nav.cpc-post__more")
    assert nav is not None and nav["aria-label"] == ui("news_more_label", lang)
    here = news_address(lang, post)
    links = {}
    for a in nav.select("a"):
        target = posixpath.normpath(here + a["href"]) + "/"
        links[a.get("rel", ["all"])[0]] = (target, a.get_text(" ", strip=True))
    return links


@pytest.mark.parametrize("lang", LOCALES)
def test_each_post_leads_to_the_posts_before_and_after_it_and_back_to_the_news(sample_site, lang):
    site, _, sample = sample_site
    # The language's own posts, oldest first (the sample's dates are days apart).
    own = [stem for _, stem in sorted((versions[lang][2], stem) for stem, versions in sample.posts.items()
                                      if lang in versions)]
    assert len(own) >= 3
    for at, stem in enumerate(own):
        links = post_links(site, lang, stem)
        expected = {"all": (news_address(lang), ui("news_back", lang))}
        if at > 0:
            older = own[at - 1]
            expected["prev"] = (news_address(lang, older), f"{ui('news_older', lang)} {sample.posts[older][lang][0]}")
        if at + 1 < len(own):
            newer = own[at + 1]
            expected["next"] = (news_address(lang, newer), f"{ui('news_newer', lang)} {sample.posts[newer][lang][0]}")
        assert links == expected, stem


@pytest.mark.parametrize("lang", LOCALES)
def test_the_drawer_marks_news_on_a_post(sample_site, lang):
    site, _, sample = sample_site
    for stem in [stem for stem, versions in sample.posts.items() if lang in versions]:
        post = news_address(lang, stem)
        active = soup_of(site, post).select(".md-sidebar--primary a.md-nav__link--active")
        assert [a.get_text(strip=True) for a in active] == [ui("news_title", lang)]
        assert posixpath.normpath(post + active[0]["href"]) + "/" == news_address(lang)


def test_every_news_item_leads_with_a_picture_or_a_tile(sample_site):
    site, _, _ = sample_site
    for lang in LOCALES:
        for item in soup_of(site, news_address(lang)).select("li.cpc-news__item article"):
            first = item.find(recursive=False)
            assert "cpc-date-tile" in first["class"] or "cpc-news__thumbnail" in first["class"], item
        # The sample has posts with and without a picture: both kinds of lead are seen.
        soup = soup_of(site, news_address(lang))
        assert soup.select(".cpc-news__thumbnail") and soup.select(".cpc-date-tile--post")

"""News and events, on a copy of the project with four fixture posts dated
around today (support.write_fixture_posts): a Norwegian-only post, a
bilingual post, an upcoming event with sign-up open, and a past event.
The real site ships with no posts."""
from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import icalendar
import pytest
from bs4 import BeautifulSoup

from cpc.bilingual import ENGLISH, NORWEGIAN
from support.sample import GOOD_POST, INVITATION, HELD_BACK, clear_content, page_paths, in_language, latest, upcoming, write_posts
from support import (ROOT, build_project, check_site, copy_project, nu_check, serve_site)
from support.pages import language_of, public_html
from support.site import (written, DEFAULT, HOMES, LOCALES, NEWS, OTHER, in_languages, news_address, root, source_name,
                          ui)

OSLO = "Europe/Oslo"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
# The calendar of all events, beside each language's news page.
CALENDARS = in_languages("arrangementer.ics", "events.ics")


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def titles(soup, selector: str) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(f"{selector} .cpc-news__title a")]


# --- Listings ---------------------------------------------------------------------------

def test_a_site_without_posts_has_no_news_entry(bare_site):
    for home in HOMES:
        soup = soup_of(bare_site, home)
        assert not soup.select(".cpc-home-news")
        assert not [a for a in soup.select(".md-tabs a") if a["href"].rstrip("/").endswith(NEWS)]
        assert not soup.find("link", type="application/atom+xml")
    assert not (bare_site / NEWS).exists()


@pytest.mark.parametrize("lang", LOCALES)
def test_news_page_lists_upcoming_events_first_then_latest_news(sample_site, news_today, lang):
    site, _, sample = sample_site
    posts = sample.posts
    soup = soup_of(site, news_address(lang))
    # The upcoming events, soonest first, in their own section; past events are not there.
    coming = upcoming(posts, lang, news_today)
    assert len(coming) >= 2 and titles(soup, 'section[aria-labelledby="cpc-news-upcoming"]') == coming
    first = soup.select_one('section[aria-labelledby="cpc-news-upcoming"] .cpc-news__item')
    assert in_language(posts["workshop"], lang)[3]["location"] in first.get_text()
    assert first.select_one(".cpc-news__badge")
    # Newest first, the past events among the news.
    assert titles(soup, 'section[aria-labelledby="cpc-news-latest"]') == latest(posts, lang, news_today)[:10]
    # The archive by year, and the feed and calendar to follow.
    # The latest list holds every post, so no year needs its archive link.
    assert not soup.select(".cpc-news__years a")
    years = {in_language(v, lang)[2][:4] for v in posts.values()}
    assert len(years) >= 2
    assert all((site / news_address(lang) / year / "index.html").is_file() for year in years)
    for year_link in soup.select(".cpc-news__years a"):
        year_page = (site / news_address(lang) / year_link["href"] / "index.html").resolve()
        assert year_page.is_file()
    links = {a["href"] for a in soup.select("a")}
    assert "feed.xml" in links and CALENDARS[lang] in links
    # Subscribing by address keeps a calendar up to date; the download is a copy.
    subscribe = f"webcal://www.cpcluster.no/{news_address(lang)}{CALENDARS[lang]}"
    assert soup.select_one(f'.cpc-follow a[href="{subscribe}"]').get_text() == ui("news_subscribe_calendar", lang)
    download = soup.select_one(f'.cpc-follow a[href="{CALENDARS[lang]}"]')
    assert download.has_attr("download") and download.get_text() == ui("news_download_calendar", lang)
    # The footer's calendar link subscribes too.
    assert soup.select_one(f'.cpc-footer a[href="{subscribe}"]')


def test_english_listing_marks_norwegian_only_posts(sample_site):
    site, _, sample = sample_site
    posts = sample.posts
    soup = soup_of(site, news_address(OTHER))
    link = next(a for a in soup.select(".cpc-news__title a") if a.get_text() == posts["kun-norsk"][DEFAULT][0])
    assert link["lang"] == DEFAULT and link["hreflang"] == DEFAULT
    assert link.find_parent().select_one(".cpc-news__language").get_text() == "(in Norwegian)"
    assert (site / news_address(OTHER) / link["href"] / "index.html").resolve() == \
        (site / news_address(DEFAULT, "kun-norsk") / "index.html")
    # Its date is written the English way in the English listing.
    assert written(posts["kun-norsk"][DEFAULT][2], OTHER) in link.find_parent("article").get_text()


@pytest.mark.parametrize("lang", LOCALES)
def test_news_is_in_the_menu_before_membership(sample_site, lang):
    site, _, _ = sample_site
    tabs = [a.get_text(strip=True) for a in soup_of(site, root(lang)).select(".md-tabs__link")]
    news, member = in_languages(("Nyheter", "Bli medlem"), ("News", "Become a member"))[lang]
    assert tabs.index(news) == tabs.index(member) - 1


def test_english_news_exists_from_the_first_norwegian_post(tmp_path, news_today, build_env):
    project = copy_project(tmp_path / "project")
    write_posts(project, news_today, ("kun-norsk",))
    for path in (project / "docs" / NEWS).glob(source_name("*", OTHER)):
        path.unlink()
    result = build_project(project, tmp_path / "site", **build_env)
    assert result.returncode == 0, result.stderr
    english = soup_of(tmp_path / "site", news_address(OTHER))
    marked = english.select(f".cpc-news__title a[lang={DEFAULT}]")
    assert marked and all(a.find_next_sibling(class_="cpc-news__language") for a in marked)
    english_home = soup_of(tmp_path / "site", root(OTHER))
    assert "News" in [a.get_text(strip=True) for a in english_home.select(".md-tabs__link")]
    assert english_home.select(f".cpc-home-news a[lang={DEFAULT}]")
    # No English feed without English posts, so none is announced.
    assert not english_home.find("link", type="application/atom+xml")
    # The switcher on a Norwegian-only post leads to the English news page.
    post = news_address(DEFAULT, "kun-norsk")
    switch = soup_of(tmp_path / "site", post).select_one(f'a.md-select__link[hreflang="{OTHER}"]')
    assert (tmp_path / "site" / post / switch["href"] / "index.html").resolve() == \
        (tmp_path / "site" / news_address(OTHER) / "index.html")


def held_back_text(site: Path) -> list[str]:
    """Where the draft or the scheduled post shows in a built site."""
    found = []
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".ics", ".pf_meta", ".pf_fragment") or file.name == "sitemap.xml":
            data = file.read_bytes()
            found += [f"{file.relative_to(site)}: {title}" for title in HELD_BACK.values() if title.encode() in data]
    return found


def test_drafts_and_posts_dated_later_stay_off_the_public_site(sample_site):
    site, _, _ = sample_site
    assert not (site / NEWS / "utkast").exists() and not (site / NEWS / "planlagt").exists()
    assert held_back_text(site) == []
    assert "utkast" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_preview_shows_drafts_and_scheduled_posts_marked(sample, tmp_path, build_env):
    project = sample.project
    result = build_project(project, tmp_path / "site", **build_env, CPC_PREVIEW="1")
    assert result.returncode == 0, result.stderr
    draft = soup_of(tmp_path / "site", news_address(DEFAULT, "utkast"))
    assert draft.select_one(".cpc-post__status").get_text(strip=True).startswith("Utkast")
    scheduled = soup_of(tmp_path / "site", news_address(DEFAULT, "planlagt"))
    scheduled = scheduled.select_one(".cpc-post__status").get_text(strip=True)
    assert scheduled.startswith("Planlagt") and str((news_today_of(build_env) + datetime.timedelta(days=5)).year) in scheduled
    listing = soup_of(tmp_path / "site", news_address(DEFAULT))
    assert {s.get_text(strip=True)[:7] for s in listing.select(".cpc-news__status")} == {"Utkast ", "Planlag"}


def test_a_scheduled_post_appears_on_its_day(sample, tmp_path, build_env):
    """The daily build on its date publishes it, with its feed entry."""
    project = sample.project
    day = news_today_of(build_env) + datetime.timedelta(days=5)
    result = build_project(project, tmp_path / "site", **{**build_env, "CPC_TODAY": day.isoformat()})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / NEWS / "planlagt" / "index.html").is_file()
    assert HELD_BACK["planlagt"] in (tmp_path / "site" / NEWS / "feed.xml").read_text(encoding="utf-8")
    assert not (tmp_path / "site" / NEWS / "utkast").exists()


def news_today_of(build_env) -> datetime.date:
    return datetime.date.fromisoformat(build_env["CPC_TODAY"])


# --- Post and event pages --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_post_page_date_and_article_metadata(sample_site, lang):
    site, _, sample = sample_site
    posts = sample.posts
    title, _, day, _ = posts["to-sprak"][lang]
    soup = soup_of(site, news_address(lang, "to-sprak"))
    assert soup.h1.get_text() == title and len(soup.find_all("h1")) == 1
    time = soup.select_one(".cpc-post__date time")
    assert time["datetime"] == day and written(day, lang) in time.get_text()
    meta = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert meta["og:type"] == "article"
    # The post's image, with its alt text, and as the image shared on social media.
    image = soup.select_one(".cpc-post__image img")
    assert image["alt"] == in_languages("Klyngens logo", "The cluster's logo")[lang]
    page_dir = site / news_address(lang, "to-sprak")
    assert (page_dir / image["src"]).resolve().is_file()
    assert meta["og:image"] == f"https://www.cpcluster.no/{news_address(DEFAULT)}to-sprak.svg"
    assert meta["article:published_time"].startswith(day + "T00:00:00+0")


def test_norwegian_only_post_switches_to_the_english_news_page(sample_site):
    site, url, _ = sample_site
    post = news_address(DEFAULT, "kun-norsk")
    soup = soup_of(site, post)
    switch = soup.select_one(f'a.md-select__link[hreflang="{OTHER}"]')
    target = urljoin(url + post, switch["href"])
    assert target == url + news_address(OTHER)
    # No English hreflang is claimed for a page that has no English version.
    assert {l["hreflang"] for l in soup.find_all("link", rel="alternate", hreflang=True)} == {DEFAULT, "x-default"}


@pytest.mark.parametrize("lang", LOCALES)
def test_event_page_says_when_and_where_and_offers_its_calendar_file(sample_site, lang):
    site, _, sample = sample_site
    posts = sample.posts
    event = posts["workshop"][lang][3]
    path = news_address(lang, "workshop")
    soup = soup_of(site, path)
    details = soup.select_one(".cpc-event")
    start = event["start"]
    assert details.select_one("time")["datetime"].startswith(start.replace(" ", "T") + ":00+0")
    text = details.get_text(" ", strip=True)
    assert written(start[:10], lang) in text and "Pakkhuset, Oslo" in text
    assert in_languages("10.00–15.30", "10:00–15:30")[lang] in text
    ics = soup.find("a", href=re.compile(r"\.ics$"))
    calendar = icalendar.Calendar.from_ical((site / path / ics["href"]).read_bytes())
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime.datetime.fromisoformat(start).replace(tzinfo=__import__("zoneinfo").ZoneInfo(OSLO))
    assert vevent["dtstart"].params["TZID"] == OSLO
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == [OSLO]
    assert str(vevent["uid"]) == "workshop@www.cpcluster.no"  # the same in every build and language
    assert str(vevent["location"]) == "Pakkhuset, Oslo"
    assert calendar["version"] == "2.0" and calendar["prodid"]
    # The sign-up fact says the deadline once: "Påmelding: innen …", not "Påmelding: Påmeldingsfrist: …".
    fact = next(div for div in details.select("dl div") if div.dt.get_text() == ui("news_signup_fact", lang))
    assert fact.dd.get_text() == ui("news_signup_fact_until", lang).format(date=written(event["signup_until"], lang)) \
        + ui("news_signup_fact_closed", lang)  # the closed text waits, hidden, for the reader's clock
    # The sign-up form's notice speaks of the sign-up, not of a reply; no box to tick.
    form = soup.select_one("form.cpc-form")
    assert form.select_one("#cpc-form-privacy").get_text().startswith(ui("signup_privacy_note", lang))
    assert not form.select("input[type=checkbox]")
    # The comment field asks for no health details (GDPR art. 9).
    assert ui("signup_message_hint", lang) in form.select_one("#cpc-form-message-hint").get_text()


@pytest.mark.parametrize("lang", LOCALES)
def test_an_attachment_beside_the_post_is_linked_in_both_languages(sample_site, lang):
    site, _, _ = sample_site
    path = news_address(lang, "workshop")
    link = soup_of(site, path).find("a", href=re.compile(r"workshop-program\.pdf$"))
    # One copy of the file, reached from either language.
    assert (site / path / link["href"]).resolve() == site / NEWS / "workshop-program.pdf"
    assert not (site / news_address(OTHER) / "workshop-program.pdf").exists()


def test_past_event_has_no_sign_up_form(sample_site):
    site, _, _ = sample_site
    soup = soup_of(site, news_address(DEFAULT, "frokostmote"))
    assert soup.select_one(".cpc-event") and not soup.select("form.cpc-form")


def test_the_calendar_rebuilds_identically(sample_site, tmp_path, build_env):
    """A second build of the sample writes the same calendar files, byte for byte."""
    first, _, sample = sample_site
    assert build_project(sample.project, tmp_path / "again", **build_env).returncode == 0
    for ics in (news_address(DEFAULT) + CALENDARS[DEFAULT], news_address(OTHER) + CALENDARS[OTHER],
                news_address(DEFAULT, "workshop") + "workshop.ics"):
        assert (first / ics).read_bytes() == (tmp_path / "again" / ics).read_bytes(), ics


# --- Follow along: feeds and calendars --------------------------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_atom_feed_parses_and_carries_its_language_only(sample_site, lang):
    site, _, sample = sample_site
    posts = sample.posts
    feed = ElementTree.parse(site / news_address(lang) / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = [e.findtext("a:title", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)]
    expected = [v[lang][0] for v in posts.values() if lang in v]
    assert sorted(entries) == sorted(expected)
    if lang == OTHER:
        assert posts["kun-norsk"][DEFAULT][0] not in entries
    for entry in feed.findall("a:entry", ATOM):
        link = entry.find("a:link", ATOM).get("href")
        assert link.startswith("https://www.cpcluster.no/" + news_address(lang))


@pytest.mark.parametrize("lang", LOCALES)
def test_every_page_of_a_language_links_its_feed(sample_site, lang):
    site, _, _ = sample_site
    pages = [p for p in public_html(site) if p.name == "index.html" and language_of(p.relative_to(site).as_posix()) == lang]
    assert len(pages) > 10
    for page in pages:
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("link", type="application/atom+xml")
        assert link and link["rel"] == ["alternate"], page
        assert link["href"] == f"https://www.cpcluster.no/{news_address(lang)}feed.xml"


@pytest.mark.parametrize("lang", LOCALES)
def test_calendar_feed_of_all_events(sample_site, lang):
    site, _, sample = sample_site
    posts = sample.posts
    calendar = icalendar.Calendar.from_ical((site / news_address(lang) / CALENDARS[lang]).read_bytes())
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert summaries == sorted(v[lang][0] for v in posts.values() if v.get(lang) and v[lang][3])


# --- Home page, search, sitemap -------------------------------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_home_page_shows_the_next_event_and_the_latest_news_in_its_language(sample_site, news_today, lang):
    site, _, sample = sample_site
    posts = sample.posts
    soup = soup_of(site, root(lang))
    section = soup.select_one(".cpc-home-news")
    next_event = [a.get_text() for a in section.select(".cpc-news--next .cpc-news__title a")]
    assert next_event == upcoming(posts, lang, news_today)[:1]
    shown = [a.get_text() for a in section.select(".cpc-news:not(.cpc-news--next) .cpc-news__title a")]
    assert shown == latest(posts, lang, news_today)[:3]
    # A Norwegian-only post is marked as such on the English home page.
    marked = [in_language(v, lang)[0] for v in posts.values() if lang not in v and in_language(v, lang)[0] in shown]
    assert marked if lang != DEFAULT else not marked
    assert [a.get_text() for a in section.select("a[lang]")] == marked


def test_sitemap_lists_posts_with_their_translations(sample_site):
    site, _, _ = sample_site
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    entries = {u.findtext("s:loc", namespaces=ns): {l.get("hreflang") for l in u.findall("x:link", ns)} for u in urls}
    base = "https://www.cpcluster.no/"
    assert entries[base + news_address(DEFAULT, "to-sprak")] == {DEFAULT, OTHER}
    assert entries[base + news_address(OTHER, "to-sprak")] == {DEFAULT, OTHER}
    assert base + news_address(DEFAULT, "kun-norsk") in entries
    assert base + news_address(OTHER, "kun-norsk") not in entries


# --- Sign-up, against the real local endpoint ------------------------------------------------


def test_the_sample_site_is_valid_html_and_its_links_resolve(sample_site, news_today):
    """Nu on every page the sample adds or changes, and every link of the
    sample site at the domain root (under a sub-path: the next test)."""
    site, url, _ = sample_site
    code, errors = nu_check(*(site / path / "index.html" for path in page_paths(news_today)))
    assert code == 0 and not errors, errors
    broken, _, checked = check_site(site, url)
    assert checked > 100
    assert not broken, "\n".join(broken)


def test_links_resolve_under_a_sub_path_with_posts(sample, tmp_path, build_env):
    project = sample.project
    site = tmp_path / "site"
    site.mkdir()
    with serve_site(site, "/repo/") as url:
        result = build_project(project, site, **{**build_env, "SITE_URL": url})
        assert result.returncode == 0, result.stderr
        broken, _, checked = check_site(site, url)
    assert checked > 100
    assert not broken, "\n".join(broken)
    feed = ElementTree.parse(site / NEWS / "feed.xml").getroot()
    assert all(e.find("a:link", ATOM).get("href").startswith(url) for e in feed.findall("a:entry", ATOM))


# --- Staff mistakes: clear errors naming file and line ------------------------------------------


def test_make_check_and_the_build_stop_a_bad_post_at_the_same_line(tmp_path):
    """End to end, once: both print the rule's message in Norwegian, then English, at the same place."""
    project = copy_project(tmp_path / "project")
    clear_content(project)
    text = GOOD_POST.replace("date: 2027-03-04", "date: 2027-13-45")
    (project / "docs" / NEWS).mkdir(parents=True, exist_ok=True)
    (project / "docs" / NEWS / INVITATION).write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    label = re.escape(f"docs/{NEWS}/{INVITATION}")
    found = re.search(rf"{label}:(\d+): FEIL / ERROR\n  {NORWEGIAN}: (.*)\n  {ENGLISH}: (.*)", result.stdout)
    assert found and "is not a real date" in found.group(3), result.stdout
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0
    assert (f"docs/{NEWS}/{INVITATION}:{found.group(1)}: FEIL / ERROR\n  {NORWEGIAN}: {found.group(2)}\n"
            f"  {ENGLISH}: {found.group(3)}") in output, output
    assert "Traceback" not in output


# --- Dated content without a rebuild ---------------------------------------------------------


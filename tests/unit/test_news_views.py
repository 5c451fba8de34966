"""What the news templates get (hooks/cpc/news_views.py), on posts written
by hand here: no build, no docs/."""
from __future__ import annotations

import datetime

import pytest

from cpc import news, news_views, strings
from cpc.clock import OSLO
from support import ROOT
from support.site import DEFAULT, LANGUAGES, OTHER

NOW = datetime.datetime(2027, 3, 4, 12, 0, tzinfo=OSLO)
UI = strings.load(ROOT / strings.UI_FILE, LANGUAGES)
NO_THUMBNAIL = lambda version: None  # noqa: E731
SITE_URL = "https://www.cpcluster.no/"


def version(slug: str, lang: str, days: int, event_days: int | None = None, signup_days: int | None = None,
            **fields) -> news.Version:
    """A post `days` from NOW; with `event_days`, an event that day, 10:00-12:00."""
    day = (NOW + datetime.timedelta(days=days)).date()
    event = None
    if event_days is not None:
        start = datetime.datetime.combine((NOW + datetime.timedelta(days=event_days)).date(), datetime.time(10), OSLO)
        until = (NOW + datetime.timedelta(days=signup_days)).date() if signup_days is not None else None
        event = news.Event(start, start + datetime.timedelta(hours=2), "Oslo", until)
    values = {"title": f"{slug} ({lang})", "description": "d", "image": None, "image_alt": None, **fields}
    return news.Version(lang=lang, src_uri=f"{news.FOLDER}/{LANGUAGES.source_name(slug, lang)}", date=day,
                        event=event, **values)


def post(slug: str, *versions: news.Version) -> news.Post:
    return news.Post(slug, {v.lang: v for v in versions})


def all_news(*posts: news.Post) -> news.News:
    ordered = sorted(posts, key=lambda p: (p.main(DEFAULT).date, p.slug), reverse=True)
    return news.News(tuple(ordered), DEFAULT, NOW)


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_upcoming_events_come_first_soonest_first_and_past_ones_are_news():
    site = all_news(post("late", version("late", DEFAULT, -1, event_days=40)),
                    post("soon", version("soon", DEFAULT, -9, event_days=5)),
                    post("past", version("past", DEFAULT, -30, event_days=-20)),
                    post("plain", version("plain", DEFAULT, -2)))
    listing = news_views.listing(site, DEFAULT, UI[DEFAULT], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    assert titles(listing.upcoming) == ["soon (nb)", "late (nb)"]
    assert titles(listing.latest) == ["plain (nb)", "past (nb)"]


def test_a_year_gets_an_archive_link_only_when_the_latest_list_cannot_hold_it():
    recent = [post(f"p{n}", version(f"p{n}", DEFAULT, -n)) for n in range(1, news_views.LATEST_ON_NEWS_PAGE + 1)]
    old = post("old", version("old", DEFAULT, -400))
    listing = news_views.listing(all_news(*recent), DEFAULT, UI[DEFAULT], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    assert listing.years == ()
    listing = news_views.listing(all_news(*recent, old), DEFAULT, UI[DEFAULT], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    assert [y.year for y in listing.years] == [old.main(DEFAULT).date.year]
    assert listing.years[0].url == f"{news.FOLDER}/{old.main(DEFAULT).date.year}/"
    archive = news_views.listing(all_news(*recent, old), DEFAULT, UI[DEFAULT], LANGUAGES, old.main(DEFAULT).date.year,
                                 NO_THUMBNAIL, SITE_URL)
    assert titles(archive.items) == ["old (nb)"]


def test_another_language_lists_a_norwegian_only_post_marked_with_its_dates_in_that_language():
    site = all_news(post("only", version("only", DEFAULT, -3)),
                    post("both", version("both", DEFAULT, -5), version("both", OTHER, -5)))
    listing = news_views.listing(site, OTHER, UI[OTHER], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    only, both = listing.latest
    assert (only.title, only.lang, only.foreign) == ("only (nb)", DEFAULT, True)
    assert (both.title, both.foreign) == ("both (en)", False)
    assert only.url == f"{news.FOLDER}/only/" and both.url == f"{LANGUAGES.root(OTHER)}{news.FOLDER}/both/"
    day = NOW.date() - datetime.timedelta(days=3)
    assert only.date_text == f"{day.day} March {day.year}"


def test_feed_and_calendar_only_for_a_language_with_posts_of_its_own():
    site = all_news(post("only", version("only", DEFAULT, -3)))
    english = news_views.listing(site, OTHER, UI[OTHER], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    norwegian = news_views.listing(site, DEFAULT, UI[DEFAULT], LANGUAGES, None, NO_THUMBNAIL, SITE_URL)
    assert english.feed_url is None and english.calendar_url is None
    assert norwegian.feed_url == f"{news.FOLDER}/{news.FEED}"
    # Subscribing takes the calendar's own address, as webcal: (no request until the reader clicks).
    assert norwegian.calendar_subscribe_url == f"webcal://www.cpcluster.no/{news.FOLDER}/{UI[DEFAULT]['news_calendar_file']}"


def test_home_shows_the_next_event_and_the_three_latest_others():
    site = all_news(post("event", version("event", DEFAULT, -1, event_days=10)),
                    *[post(f"p{n}", version(f"p{n}", DEFAULT, -n - 1)) for n in range(5)])
    home = news_views.home_news(site, DEFAULT, UI[DEFAULT], LANGUAGES, NO_THUMBNAIL)
    assert home.next_event.title == "event (nb)"
    assert titles(home.latest) == ["p0 (nb)", "p1 (nb)", "p2 (nb)"]
    assert news_views.home_news(all_news(), DEFAULT, UI[DEFAULT], LANGUAGES, NO_THUMBNAIL) is None


@pytest.mark.parametrize(("lang", "same_day", "two_days"), [
    (DEFAULT, "10.00–12.00", "14. mars 2027 kl. 10.00"),
    (OTHER, "10:00–12:00", "14 March 2027, 10:00"),
])
def test_an_event_says_when_in_the_readers_language(lang, same_day, two_days):
    event = version("e", lang, -1, event_days=10).event
    assert same_day in news_views.event_view(event, UI[lang]).when.replace("\u2009", "")
    longer = news.Event(event.start, event.start + datetime.timedelta(days=1), "Oslo", None)
    assert two_days in news_views.event_view(longer, UI[lang]).when
    assert news_views.event_view(event, UI[lang]).day == 14


def test_sign_up_closes_at_the_end_of_its_deadline_day_or_at_the_start():
    site = all_news()
    open_event = version("e", DEFAULT, -1, event_days=10, signup_days=3)
    assert site.signup_open(open_event)
    assert site.signup_closes(open_event) == datetime.datetime.combine(
        NOW.date() + datetime.timedelta(days=4), datetime.time(), OSLO)
    late_deadline = version("e", DEFAULT, -1, event_days=2, signup_days=5)
    assert site.signup_closes(late_deadline) == late_deadline.event.start
    assert not site.signup_open(version("e", DEFAULT, -9, event_days=5, signup_days=-1))


def test_a_preview_names_drafts_and_scheduled_posts():
    ui = UI[DEFAULT]
    assert news_views.status_text(version("d", DEFAULT, -1, draft=True), NOW.date(), ui) == ui["news_draft"]
    scheduled = news_views.status_text(version("s", DEFAULT, 5), NOW.date(), ui)
    assert "9. mars 2027" in scheduled
    assert news_views.status_text(version("p", DEFAULT, 0), NOW.date(), ui) is None

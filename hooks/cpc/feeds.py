"""What readers follow: an Atom feed and a calendar of events per language,
and one .ics per event, written after the last language build.

Formats come from kept libraries: feedgen for Atom, icalendar for RFC 5545
with TZID=Europe/Oslo and its VTIMEZONE. UIDs and timestamps come from the
posts, so a rebuild writes the same files.
"""
from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
from feedgen.feed import FeedGenerator

from cpc import news, news_views
from cpc.clock import OSLO

PRODID = "-//Circular Packaging Cluster//Nettsted//NO"


def event_path(version, languages) -> str:
    """The event's own .ics, in the post's folder."""
    return news.post_url(version, languages) + news.slug(version) + ".ics"


def _published(version) -> datetime.datetime:
    return datetime.datetime.combine(version.date, datetime.time(0, 0), OSLO)


def atom(versions, lang: str, ui, site_url: str, languages) -> bytes:
    feed = FeedGenerator()
    feed.id(site_url + news_views.news_url(languages, lang))
    feed.title(ui["news_feed_title"])
    feed.subtitle(ui["news_description"])
    feed.language(lang)
    feed.link(href=site_url + news_views.feed_url(languages, lang), rel="self")
    feed.link(href=site_url + news_views.news_url(languages, lang), rel="alternate")
    feed.updated(_published(versions[0]) if versions else datetime.datetime(2000, 1, 1, tzinfo=OSLO))
    for version in reversed(versions):  # feedgen puts each new entry first
        entry = feed.add_entry()
        url = site_url + news.post_url(version, languages)
        entry.id(url)
        entry.title(version.title)
        entry.link(href=url)
        entry.summary(version.description)
        entry.published(_published(version))
        entry.updated(_published(version))
    return feed.atom_str(pretty=True)


def _event(version, site_url: str, languages) -> icalendar.Event:
    event = icalendar.Event()
    host = urlsplit(site_url).hostname or "localhost"
    # The same event in both languages is the same calendar entry.
    event.add("uid", f"{news.slug(version)}@{host}")
    event.add("dtstamp", _published(version).astimezone(datetime.timezone.utc))
    event.add("dtstart", version.event.start)
    event.add("dtend", version.event.end)
    event.add("summary", version.title)
    event.add("description", version.description)
    event.add("location", version.event.location)
    event.add("url", site_url + news.post_url(version, languages))
    return event


def calendar(versions, name: str, site_url: str, languages) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for version in versions:
        cal.add_component(_event(version, site_url, languages))
    if versions:  # the Europe/Oslo VTIMEZONE, for the years the events span
        first = min(v.event.start for v in versions).date().replace(month=1, day=1)
        last = max(v.event.end for v in versions).date().replace(month=12, day=31)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def write(all_news: news.News, ui: dict, site_url: str, languages, site_dir: Path) -> None:
    for lang in languages.locales:
        if not all_news.has_own(lang):
            continue
        own = all_news.in_language(lang)
        events = [v for v in own if v.event]
        name = ui[lang]["news_calendar_title"]
        files = {news_views.feed_url(languages, lang): atom(own, lang, ui[lang], site_url, languages),
                 news_views.calendar_url(languages, lang, ui[lang]): calendar(events, name, site_url, languages)}
        files |= {event_path(v, languages): calendar([v], name, site_url, languages) for v in events}
        for path, content in files.items():
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

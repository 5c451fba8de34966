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

from cpc import news

FEED = "feed.xml"
CALENDAR = {"nb": "arrangementer.ics", "en": "events.ics"}
PRODID = "-//Circular Packaging Cluster//Nettsted//NO"


def feed_path(site, lang: str) -> str:
    return f"{site.languages.root(lang)}{news.FOLDER}/{FEED}"


def calendar_path(site, lang: str) -> str:
    return f"{site.languages.root(lang)}{news.FOLDER}/{CALENDAR.get(lang, 'events.ics')}"


def event_path(site, version) -> str:
    """The event's own .ics, in the post's folder."""
    return news.post_url(version, site.languages) + version.src_uri.split("/")[-1].split(".")[0] + ".ics"


def _published(version) -> datetime.datetime:
    return datetime.datetime.combine(version.date, datetime.time(0, 0), news.OSLO)


def atom(site, lang: str) -> bytes:
    ui, base = site.ui[lang], site.site_url
    feed = FeedGenerator()
    feed.id(base + site.languages.root(lang) + news.FOLDER + "/")
    feed.title(ui["news_feed_title"])
    feed.subtitle(ui["news_description"])
    feed.language(lang)
    feed.link(href=base + feed_path(site, lang), rel="self")
    feed.link(href=base + site.languages.root(lang) + news.FOLDER + "/", rel="alternate")
    versions = site.news.in_language(lang)
    feed.updated(_published(versions[0]) if versions else datetime.datetime(2000, 1, 1, tzinfo=news.OSLO))
    for version in reversed(versions):  # feedgen puts each new entry first
        entry = feed.add_entry()
        url = base + news.post_url(version, site.languages)
        entry.id(url)
        entry.title(version.title)
        entry.link(href=url)
        entry.summary(version.description)
        entry.published(_published(version))
        entry.updated(_published(version))
    return feed.atom_str(pretty=True)


def _event(site, version) -> icalendar.Event:
    event = icalendar.Event()
    host = urlsplit(site.site_url).hostname or "cpcluster.no"
    slug = version.src_uri.split("/")[-1].split(".")[0]
    # The same event in both languages is the same calendar entry.
    event.add("uid", f"{slug}@{host}")
    event.add("dtstamp", _published(version).astimezone(datetime.timezone.utc))
    event.add("dtstart", version.event.start)
    event.add("dtend", version.event.end)
    event.add("summary", version.title)
    event.add("description", version.description)
    event.add("location", version.event.location)
    event.add("url", site.site_url + news.post_url(version, site.languages))
    return event


def calendar(site, lang: str, versions) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", site.ui[lang]["news_calendar_title"])
    for version in versions:
        cal.add_component(_event(site, version))
    if versions:  # the Europe/Oslo VTIMEZONE, for the years the events span
        first = min(v.event.start for v in versions).date().replace(month=1, day=1)
        last = max(v.event.end for v in versions).date().replace(month=12, day=31)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def write(site) -> None:
    out = Path(site.site_dir)
    for lang in site.languages.locales:
        if not site.news.has(lang):
            continue
        events = [v for v in site.news.in_language(lang) if v.event]
        files = {feed_path(site, lang): atom(site, lang), calendar_path(site, lang): calendar(site, lang, events)}
        files |= {event_path(site, v): calendar(site, lang, [v]) for v in events}
        for path, content in files.items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

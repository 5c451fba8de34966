"""What the news templates show: a post's dates and event, listing items, the
news page and the home page's news, in the reader's language. Plain data
for overrides/cpc-post.html, cpc-news.html and partials/cpc-news.html."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from cpc import news, places
from cpc.clock import OSLO
from cpc.strings import View, fill

LATEST_ON_NEWS_PAGE = 10
LATEST_ON_HOME_PAGE = 3


def date_text(day: datetime.date, ui) -> str:
    """4. mars 2027 / 4 March 2027."""
    months = ui["news_months"].split()
    return fill(ui["news_date"], day=day.day, month=months[day.month - 1], year=day.year)


def time_text(moment: datetime.datetime, ui) -> str:
    return fill(ui["news_time"], hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}")


@dataclass(frozen=True)
class EventView(View):
    start_iso: str
    end_iso: str
    date_text: str
    when: str
    location: str
    signup_until_text: str | None
    day: int  # the start's day and short month, for a date tile
    month: str


@dataclass(frozen=True)
class ItemView(View):
    """One entry of a listing; `foreign` marks a Norwegian-only post in another language's list."""
    title: str
    description: str
    url: str
    lang: str
    foreign: bool
    date_iso: str
    date_text: str
    event: EventView | None
    status: str | None  # preview builds only: "Utkast" / "Publiseres 4. mars 2027"
    image: object | None  # pictures.PictureView: a thumbnail


@dataclass(frozen=True)
class Year(View):
    year: int
    url: str


@dataclass(frozen=True)
class Listing(View):
    """The news page (year None) or one year's archive page."""
    year: int | None
    items: tuple  # the year's items; empty on the news page
    upcoming: tuple
    latest: tuple
    years: tuple
    feed_url: str | None  # None while the language has no post of its own
    calendar_url: str | None
    calendar_subscribe_url: str | None  # the same calendar as webcal://, for subscribing
    news_url: str


@dataclass(frozen=True)
class HomeNews(View):
    next_event: ItemView | None
    latest: tuple
    url: str


@dataclass(frozen=True)
class PostDetails(View):
    date_iso: str
    date_text: str
    published: str  # article:published_time, midnight Norwegian time
    image: object | None  # Record: picture (a PictureView) or src (SVG, page-relative), alt, caption, credit
    event: EventView | None
    ics_href: str | None
    upcoming: bool
    signup_open: bool
    signup: object | None  # forms.FormView while sign-up is open
    signup_closes: str | None  # when the form closes, for the reader's browser (ISO)
    status: str | None  # preview builds only: "Utkast" / "Publiseres 4. mars 2027"


def event_view(event: news.Event, ui) -> EventView:
    start, end = event.start, event.end
    if start.date() == end.date():
        when = fill(ui["news_event_same_day"], date=date_text(start.date(), ui), start=time_text(start, ui),
                    end=time_text(end, ui))
    else:
        when = fill(ui["news_event_days"], start_date=date_text(start.date(), ui), start=time_text(start, ui),
                    end_date=date_text(end.date(), ui), end=time_text(end, ui))
    return EventView(start.isoformat(), end.isoformat(), date_text(start.date(), ui), when, event.location,
                     date_text(event.signup_until, ui) if event.signup_until else None,
                     start.day, ui["news_months_short"].split()[start.month - 1])


def status_text(version: news.Version, today: datetime.date, ui) -> str | None:
    """What a preview shows on a post readers cannot see yet."""
    status = version.status(today)
    if status == "draft":
        return ui["news_draft"]
    if status == "scheduled":
        return fill(ui["news_scheduled"], date=date_text(version.date, ui))
    return None


def item_view(version: news.Version, lang: str, ui, languages, today: datetime.date, thumbnail) -> ItemView:
    """One line of `lang`'s listing (maybe a Norwegian-only post), dates in `lang`;
    `thumbnail(version)` gives its picture's view, or None."""
    return ItemView(version.title, version.description, news.post_url(version, languages), version.lang,
                    version.lang != lang, version.date.isoformat(), date_text(version.date, ui),
                    event_view(version.event, ui) if version.event else None, status_text(version, today, ui),
                    thumbnail(version))


def _items(versions, lang: str, ui, languages, today: datetime.date, thumbnail) -> tuple:
    return tuple(item_view(v, lang, ui, languages, today, thumbnail) for v in versions)


def news_url(languages, lang: str) -> str:
    return f"{languages.root(lang)}{places.NEWS}/"


def feed_url(languages, lang: str) -> str:
    return f"{news_url(languages, lang)}{news.FEED}"


def calendar_url(languages, lang: str, ui) -> str:
    return f"{news_url(languages, lang)}{ui['news_calendar_file']}"


def subscribe_url(site_url: str, languages, lang: str, ui) -> str:
    """The calendar's absolute address as webcal://: a calendar app opened
    from this link subscribes to it (and so fetches new events), where the
    plain link only downloads a copy."""
    return "webcal:" + (site_url + calendar_url(languages, lang, ui)).split(":", 1)[1]


def listing(all_news: news.News, lang: str, ui, languages, year: int | None, thumbnail, site_url: str) -> Listing:
    listed = all_news.listed_in(lang)
    past = all_news.not_upcoming(listed)
    own = all_news.has_own(lang)
    common = {"feed_url": feed_url(languages, lang) if own else None,
              "calendar_url": calendar_url(languages, lang, ui) if own else None,
              "calendar_subscribe_url": subscribe_url(site_url, languages, lang, ui) if own else None,
              "news_url": news_url(languages, lang)}
    today = all_news.built_at.date()
    if year:
        return Listing(year, _items([v for v in past if v.date.year == year], lang, ui, languages, today, thumbnail),
                       (), (), (), **common)
    root = languages.root(lang)
    return Listing(
        None, (),
        upcoming=_items(all_news.upcoming(listed), lang, ui, languages, today, thumbnail),
        latest=_items(past[:LATEST_ON_NEWS_PAGE], lang, ui, languages, today, thumbnail),
        # Only years with more than the latest list shows.
        years=tuple(Year(y, f"{root}{places.NEWS}/{y}/") for y in all_news.years(lang)
                    if any(v.date.year == y for v in past[LATEST_ON_NEWS_PAGE:])),
        **common,
    )


def home_news(all_news: news.News, lang: str, ui, languages, thumbnail) -> HomeNews | None:
    if not all_news.has(lang):
        return None
    listed = all_news.listed_in(lang)
    upcoming = all_news.upcoming(listed)
    today = all_news.built_at.date()
    return HomeNews(item_view(upcoming[0], lang, ui, languages, today, thumbnail) if upcoming else None,
                    _items(all_news.not_upcoming(listed)[:LATEST_ON_HOME_PAGE], lang, ui, languages, today, thumbnail),
                    news_url(languages, lang))


def post_details(version: news.Version, all_news: news.News, ui, signup, lead_image) -> PostDetails:
    """A post's own view; `signup(version, event_view)` makes the sign-up form's
    view, `lead_image(version)` its image's (a Record), or None."""
    image = lead_image(version)
    event = event_view(version.event, ui) if version.event else None
    signup_open = all_news.signup_open(version)
    return PostDetails(
        date_iso=version.date.isoformat(),
        date_text=date_text(version.date, ui),
        published=datetime.datetime.combine(version.date, datetime.time(), OSLO).isoformat(),
        image=image,
        event=event,
        ics_href=f"{news.slug(version)}.ics" if event else None,
        upcoming=all_news.is_upcoming(version),
        signup_open=signup_open,
        signup=signup(version, event) if signup_open else None,
        signup_closes=all_news.signup_closes(version).isoformat() if version.event and version.event.signup_until else None,
        status=status_text(version, all_news.built_at.date(), ui),
    )

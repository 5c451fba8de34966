"""A video on a page, without a third-party request (issue 25).

Staff link to the video on a line of its own: `[Se videoen](https://youtu.be/…)`.
Embedding the player would load the video host's scripts and cookies for
every reader, and the page's CSP refuses frames; instead the link becomes a
card that names the host, so readers choose whether to go there. Nothing
is fetched from the host until they click.

The markup is the `video` macro in overrides/partials/cpc-video.html.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cpc.media import Tags
from cpc.strings import View

VIDEO_MACRO = "partials/cpc-video.html"
# Hosts staff link videos on, by their domain, as readers know them.
HOSTS = {"youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube", "vimeo.com": "Vimeo",
         "dailymotion.com": "Dailymotion", "tiktok.com": "TikTok", "facebook.com": "Facebook", "fb.watch": "Facebook",
         "instagram.com": "Instagram", "linkedin.com": "LinkedIn", "twitch.tv": "Twitch", "nrk.no": "NRK"}
VIDEO_PATHS = {"facebook.com": "/videos/", "instagram.com": "/reel", "linkedin.com": "/posts/", "nrk.no": "/video"}


@dataclass(frozen=True)
class VideoView(View):
    href: str
    text: str     # the staff's link text
    host: str     # "YouTube"
    domain: str   # "youtube.com"


def host_of(url: str) -> tuple[str, str] | None:
    """(name, domain) of a video host for a link to a video there, else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    domain = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    for known, name in HOSTS.items():
        if (domain == known or domain.endswith("." + known)) and VIDEO_PATHS.get(known, "") in parts.path:
            return name, known
    return None


def cards(page_html: str, macro) -> str:
    """Each paragraph that is only a link to a video, as a card (`macro(view)`)."""
    tags = Tags(page_html).tags
    out, at = [], 0
    for index, p in enumerate(tags[:-3]):
        a = tags[index + 1]
        end_a = next((i for i in range(index + 2, len(tags)) if tags[i].name in ("/a", "/p")), None)
        if p.name != "p" or a.name != "a" or end_a is None or end_a + 1 >= len(tags):
            continue
        close_a, end_p = tags[end_a], tags[end_a + 1]
        if close_a.name != "/a" or end_p.name != "/p":
            continue
        if page_html[p.end:a.start].strip() or page_html[close_a.end:end_p.start].strip():
            continue
        found = host_of(a.attrs.get("href", ""))
        if not found:
            continue
        text = Tags.text_of(page_html[a.end:close_a.start])
        out += [page_html[at:p.start], macro(VideoView(a.attrs["href"], text, *found))]
        at = end_p.end
    return "".join(out) + page_html[at:]

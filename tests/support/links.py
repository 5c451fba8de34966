"""The link checker: every href and src of a built site, served, must resolve."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from support.pages import built_pages

# Attributes that point somewhere; og:image/og:url are absolute site URLs.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("form", "action"), ("use", "href"))


class Fetcher:
    """GETs each URL once; remembers status and, for HTML, the ids it has."""

    def __init__(self):
        self.cache: dict[str, tuple[int, set[str] | None]] = {}

    def get(self, url: str) -> tuple[int, set[str] | None]:
        if url not in self.cache:
            try:
                with urllib.request.urlopen(url) as response:
                    status, body, ctype = response.status, response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as error:
                status, body, ctype = error.code, error.read(), error.headers.get("Content-Type", "")
            ids = None
            if ctype.startswith("text/html"):
                soup = BeautifulSoup(body, "html.parser")
                ids = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
            self.cache[url] = (status, ids)
        return self.cache[url]


def references(html: str):
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in LINK_ATTRIBUTES:
        for element in soup.find_all(tag):
            if element.get(attribute) is not None:
                yield f"<{tag} {attribute}>", element[attribute]
    for element in soup.find_all(srcset=True):
        for candidate in element["srcset"].split(","):
            yield "srcset", candidate.split()[0]
    for prop in ("og:image", "og:url"):
        for element in soup.find_all("meta", property=prop):
            yield prop, element["content"]


def check_site(site_dir, base_url: str) -> tuple[list[str], set[str], int]:
    """Return (broken links, external links, number of links checked)."""
    fetcher, broken, external, checked = Fetcher(), [], set(), 0
    own = urlsplit(base_url)
    for path in built_pages(site_dir):
        page_url = base_url + path
        status, _ = fetcher.get(page_url)
        expected = 404 if path.endswith("cpc-missing-page/") else 200
        if status != expected:
            broken.append(f"{path}: the page itself answers {status}")
            continue
        with urllib.request.urlopen(page_url) if expected == 200 else _error_body(page_url) as response:
            html = response.read().decode("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        own_ids = {tag["id"] for tag in soup.find_all(id=True)}
        for what, value in references(html):
            target = urljoin(page_url, value.strip())
            if target.startswith("webcal://"):
                # A calendar subscription: the calendar app fetches it over HTTP(S).
                target = own.scheme + target[len("webcal"):]
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != own.netloc:
                if not target.startswith("data:"):
                    external.add(target)
                continue
            checked += 1
            if not parts.path.startswith(own.path):
                broken.append(f"{path}: {what} {value} leaves the site's folder {own.path}")
                continue
            # A link within the page (the 404 page answers 404 to a fetch).
            status, ids = (200, own_ids) if target.split("#")[0] == page_url else fetcher.get(target.split("#")[0])
            if status != 200:
                broken.append(f"{path}: {what} {value} -> {status}")
            # "#/collections/…" is a hash route of the editor at /admin/ (the
            # footer's "Edit this page"), not an element id.
            elif parts.fragment and not parts.fragment.startswith("/") \
                    and (ids is None or unquote(parts.fragment) not in ids):
                broken.append(f"{path}: {what} {value}: no element with id '{parts.fragment}'")
    return broken, external, checked


def _error_body(url: str):
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        return error
    raise AssertionError(f"{url} should answer 404")


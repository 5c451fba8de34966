"""Photos in the site: every raster image the content uses goes through the
image step (images.py), once per build, cached by content.

- A post's `image` gets lead and thumbnail renditions and a 1200x630 og:image
  crop; an image in a page's or post's text (`![alt](file.jpg)`) gets the
  lead renditions.
- The original uploads are never published: MkDocs copies them (its link
  checks need them), and the last step replaces them by the renditions.
- Pages show them through the `picture` macro (overrides/partials/cpc-picture.html),
  with width and height, srcset and sizes.
"""
from __future__ import annotations

import html
import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from cpc import images
from cpc.strings import View, strict

log = logging.getLogger("mkdocs.hooks.cpc")

# Beside the project, outside git (.gitignore): renditions survive rebuilds.
CACHE_DIR = ".cache/images"
# Design images the templates link as they are (views.DEFAULT_OG_IMAGE), not uploads.
KEPT_AS_IS = ("assets/images/og-image.png",)
POST_WIDTHS = tuple(sorted(set(images.LEAD.widths) | set(images.THUMBNAIL.widths)))
IMG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class PictureView(View):
    """One picture as a page shows it; URLs relative to that page."""
    src: str
    srcset: str
    sources: tuple  # Records: type, srcset (modern formats, best first)
    sizes: str
    width: int
    height: int
    alt: str
    lead: bool  # the first screen's picture: fetched first, never lazily


def is_upload(src_uri: str) -> bool:
    """A raster file in docs/ that staff uploaded (never published as it is)."""
    return images.is_raster(src_uri) and src_uri not in KEPT_AS_IS


def render_all(docs_dir: Path, root: Path, used: set[str], post_images: set[str], small: set[str]) -> dict:
    """{docs-relative path: images.Picture} for every raster image the content
    uses: in text (lead widths), as a post's image (lead and thumbnail widths,
    og:image) or small (logos and portraits: thumbnail widths)."""
    cache = root / CACHE_DIR
    pictures = {}
    for source in sorted(used | post_images | small):
        if not is_upload(source):
            continue
        post = source in post_images
        widths = POST_WIDTHS if post else images.LEAD.widths if source in used else images.THUMBNAIL.widths
        pictures[source] = images.render(docs_dir / source, source, widths, cache, og=post)
    return pictures


def publish(pictures: dict, root: Path, docs_dir: Path, site_dir: Path, languages) -> None:
    """The renditions into the site, and no upload left in it, in any language's folder."""
    for picture in pictures.values():
        images.write(picture, root / CACHE_DIR, site_dir)
    for upload in (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()):
        if is_upload(upload):
            for lang in languages.locales:
                (site_dir / languages.root(lang) / upload).unlink(missing_ok=True)


def sources(pictures: dict) -> dict[str, str]:
    """{site path: docs path} of every rendition, for the last gate's messages."""
    return {rendition.path: picture.source for picture in pictures.values() for rendition in picture.renditions()}


def view(picture: images.Picture, alt: str, slot: images.Slot, page_url: str, lead: bool = False) -> PictureView:
    def href(path: str) -> str:
        return get_relative_url(path, page_url or ".")

    def srcset(renditions) -> str:
        return ", ".join(f"{href(r.path)} {r.width}w" for r in renditions)

    largest = picture.fallback[-1]
    return PictureView(
        src=href(largest.path), srcset=srcset(picture.fallback),
        sources=strict([{"type": mime, "srcset": srcset(group)} for mime, group in picture.sources]),
        sizes=slot.sizes, width=largest.width, height=largest.height, alt=alt, lead=lead)


def in_text(page_html: str, page_url: str, pictures: dict, macro) -> str:
    """Each <img> of a raster upload in a page's text, as a responsive picture."""
    folder = posixpath.dirname(page_url.rstrip("/")) + "/" if page_url.rstrip("/") else ""
    base = page_url if page_url.endswith("/") else folder

    def replace(found: re.Match) -> str:
        attributes = {name: html.unescape(value) for name, value in ATTRIBUTE.findall(found.group(0))}
        src = attributes.get("src", "")
        if "://" in src or src.startswith(("/", "data:")):
            return found.group(0)
        source = posixpath.normpath(posixpath.join(base, src))
        if source not in pictures:
            return found.group(0)
        return macro(view(pictures[source], attributes.get("alt", ""), images.LEAD, page_url))

    return IMG.sub(replace, page_html)

"""Photos in the site: every raster image the content uses goes through the
image step (image_render.py), once per build, cached by content.

- A post's `image` gets lead and thumbnail renditions and a 1200x630 og:image
  crop; members' logos and people's photos get thumbnails; an image a page's
  text uses, however written, gets the lead renditions (found in the page's
  HTML by media.py, rendered here by `render_used`).
- The original uploads are never published: MkDocs copies them (its link
  checks need them), and the last step replaces them by the renditions.
- Pages show them through the `picture` macro (overrides/partials/cpc-picture.html),
  with width and height, srcset and sizes.
"""
from __future__ import annotations

import itertools
import logging
import posixpath
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from cpc import image_render, media_types
from cpc.problems import Problem, build_error
from cpc.strings import View, strict

log = logging.getLogger("mkdocs.hooks.cpc")

# Beside the project, outside git (.gitignore): renditions survive rebuilds.
CACHE_DIR = ".cache/images"
# Design images the templates link as they are (views.DEFAULT_OG_IMAGE), not uploads.
KEPT_AS_IS = ("assets/images/og-image.png",)
POST_WIDTHS = tuple(sorted(set(image_render.LEAD.widths) | set(image_render.THUMBNAIL.widths)))


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
    return media_types.is_raster(src_uri) and src_uri not in KEPT_AS_IS


def render_all(docs_dir: Path, root: Path, post_images: set[str], small: set[str], files: dict) -> dict:
    """{docs-relative path: image_render.Picture} for the photos front matter
    and data files name: posts' images (lead and thumbnail widths, og:image)
    and small ones (logos and portraits: thumbnail widths). `files` (media.py's
    index) finds a name a Mac wrote decomposed (NFD)."""
    cache = root / CACHE_DIR
    pictures = {}
    for source in sorted(post_images | small):
        if not is_upload(source):
            continue
        post = source in post_images
        widths = POST_WIDTHS if post else image_render.THUMBNAIL.widths
        on_disk = files.get(unicodedata.normalize("NFC", source), source)
        pictures[source] = image_render.render(docs_dir / on_disk, source, widths, cache, og=post)
    return pictures


def render_used(source: str, docs_dir: Path, root: Path, where: str) -> image_render.Picture:
    """The lead renditions of a photo a page's text uses; a photo the image
    step refuses stops the build with its message, at the line that names it."""
    try:
        return image_render.render(docs_dir / source, source, image_render.LEAD.widths, root / CACHE_DIR)
    except media_types.ImageRejected as rejected:
        page = docs_dir / where.removeprefix("docs/")
        line = next((number for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
                     if posixpath.basename(source) in text), 1) if page.is_file() else 1
        raise build_error(where, Problem(line, rejected.problem.nb, rejected.problem.en)) from None


def write(pictures, root: Path, site_dir: Path) -> None:
    """Renditions into the site (image_render.Picture values)."""
    for picture in pictures:
        image_render.write(picture, root / CACHE_DIR, site_dir)


def remove_uploads(docs_dir: Path, site_dir: Path, languages) -> None:
    """No upload left in the site, in any language's folder: every page now
    uses renditions (media.py), and front matter's photos go through views."""
    for upload in (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()):
        if is_upload(upload):
            for lang, name in itertools.product(languages.locales, {upload, unicodedata.normalize("NFC", upload)}):
                (site_dir / languages.root(lang) / name).unlink(missing_ok=True)


def sources(pictures) -> dict[str, str]:
    """{site path: docs path} of every rendition, for the last gate's messages."""
    return {rendition.path: picture.source for picture in pictures for rendition in picture.renditions()}


def view(picture: image_render.Picture, alt: str, slot: image_render.Slot, page_url: str, lead: bool = False) -> PictureView:
    def href(path: str) -> str:
        return get_relative_url(path, page_url or ".")

    def srcset(renditions) -> str:
        return ", ".join(f"{href(r.path)} {r.width}w" for r in renditions)

    largest = picture.fallback[-1]
    return PictureView(
        src=href(largest.path), srcset=srcset(picture.fallback),
        sources=strict([{"type": mime, "srcset": srcset(group)} for mime, group in picture.sources]),
        sizes=slot.sizes, width=largest.width, height=largest.height, alt=alt, lead=lead)

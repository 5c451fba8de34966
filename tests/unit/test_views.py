"""Which view and template a page gets (hooks/cpc/views.py), on page stubs
built here: no build, no docs/."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from cpc import news, news_pages, views
from support.site import LANGUAGES, OTHER


def stub(src_uri: str, meta: dict | None = None, toc=(), parent=None, title: str = "t") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta or {}, toc=list(toc), parent=parent,
                           title=title, url=src_uri.removesuffix(".md") + "/", is_page=True)


def heading(*children) -> SimpleNamespace:
    return SimpleNamespace(children=list(children))


@pytest.mark.parametrize(("src_uri", "meta", "kind"), [
    ("index.md", {}, views.Kind.HOME),
    (LANGUAGES.source_name("index", OTHER), {}, views.Kind.HOME),
    (f"{news.FOLDER}/besok.md", {}, views.Kind.POST),
    (f"{news.FOLDER}/{LANGUAGES.source_name('besok', OTHER)}", {}, views.Kind.POST),
    (f"{news.FOLDER}/index.md", {news_pages.LISTING_META: True}, views.Kind.NEWS),
    ("kontakt.md", {}, views.Kind.PLAIN),
    ("fokusomrader/index.md", {}, views.Kind.PLAIN),
])
def test_each_page_gets_its_kind(src_uri, meta, kind):
    assert views.kind_of(stub(src_uri, meta), LANGUAGES) is kind


def test_a_plain_page_keeps_a_table_of_contents_worth_having_and_drops_a_one_link_sidebar():
    long_page = stub("om-klyngen.md", toc=[heading(heading(), heading())])
    assert views.hidden_parts(long_page, views.Kind.PLAIN) == ["navigation"]
    short_page = stub("kontakt.md", toc=[heading(heading())])
    assert views.hidden_parts(short_page, views.Kind.PLAIN) == ["navigation", "toc"]


def test_pages_that_are_not_plain_hide_both_rails_and_keep_what_staff_asked_for():
    post = stub(f"{news.FOLDER}/besok.md", meta={"hide": ["footer"]}, toc=[heading(heading(), heading())])
    assert views.hidden_parts(post, views.Kind.POST) == ["footer", "navigation", "toc"]


def test_a_section_page_leads_to_its_neighbours_but_not_its_index():
    section = SimpleNamespace(children=[])
    index, first, middle, last = (stub(f"fokusomrader/{name}.md", parent=section, title=name)
                                  for name in ("index", "a", "b", "c"))
    section.children = [index, first, middle, last]
    assert views.sequence(index) is None
    assert views.sequence(first).previous is None and views.sequence(first).next.title == "b"
    assert (views.sequence(middle).previous.title, views.sequence(middle).next.title) == ("a", "c")
    assert views.sequence(last).next is None
    assert views.sequence(stub("kontakt.md")) is None

"""What each page's templates receive as `cpc`: one typed view per kind of page.

A page gets its kind once (`kind_of`): home, post, news listing, plain page,
or the 404 page. Every view shares the fields of `PageView`, which one
function fills for all of them, the 404 included, so no kind can drift. A
template that asks for a field its view lacks stops the build (strings.View).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from cpc import cms, directory, forms, freshness, goals, image_render, news, news_pages, news_views, pictures, places
from cpc.inputs import Inputs
from cpc.strings import Strings, View, strict


class Kind(enum.Enum):
    HOME = "home.html"
    POST = "cpc-post.html"
    NEWS = "cpc-news.html"
    PLAIN = "main.html"
    NOT_FOUND = "404.html"

    @property
    def template(self) -> str:
        return self.value


def kind_of(page, languages) -> Kind:
    src_uri = page.file.src_uri
    if news.is_post(src_uri):
        return Kind.POST
    if page.meta.get(news_pages.LISTING_META):
        return Kind.NEWS
    if languages.split(src_uri)[0] == "index":
        return Kind.HOME
    return Kind.PLAIN


@dataclass(frozen=True)
class Alternate(View):
    """The page in one language, for the switcher and hreflang."""
    lang: str
    name: str
    absolute: str
    href: str  # relative, so a deploy under a sub-path works
    current: bool
    same_page: bool  # hreflang only for real versions of this page


@dataclass(frozen=True)
class Links(View):
    """Site-relative URLs of the pages the site's own markup links to (places.py)."""
    home: str
    contact: str
    privacy: str
    accessibility: str
    thanks: str
    goals: str
    membership: str
    focus_areas: str
    news: str


@dataclass(frozen=True)
class Social(View):
    """Open Graph: what a shared link shows."""
    type: str
    published: str | None
    image: str  # absolute URL
    image_size: tuple | None  # (width, height) when known


@dataclass(frozen=True)
class PageView(View):
    kind: str
    lang: str
    default_lang: str
    ui: Strings
    root: str
    links: Links
    alternates: tuple
    newer_versions: tuple
    other_og_locales: tuple
    feed: object | None  # Record(href, title) once the language has news
    social: Social
    footer: object  # Record: email, address, org_number, social, feed_url, calendar_url (webcal://), edit_url
    sections: tuple  # the menu's top level: Records(title, url), for the 404 page and the footer
    skip_to: str  # the id the skip link leads to
    current_tab: str | None  # a tab to mark current when the page is not in the menu (posts)
    sequence: object | None  # Record(previous, next) within a section (focus areas)
    scheme_names: tuple  # the colour-scheme toggles' names in the view's language (the 404 page's header)


@dataclass(frozen=True)
class HomeView(PageView):
    goals: tuple
    focus_areas: tuple  # Records(title, description, url): the focus-area cards
    news: news_views.HomeNews | None
    members: tuple  # groups: Record(kind, title, members)


@dataclass(frozen=True)
class NewsView(PageView):
    news: news_views.Listing


@dataclass(frozen=True)
class PostView(PageView):
    post: news_views.PostDetails


@dataclass(frozen=True)
class NotFoundView(PageView):
    languages: tuple  # every language's view (PageView): the 404 page shows the reader's


# --- The language switcher ----------------------------------------------------------

def version_in(page, kind: Kind, locale: str, inputs: Inputs) -> tuple[str, bool]:
    """(URL, is it this page?): the page in `locale`, or else the nearest
    page that exists there, so the switcher never leads to a 404."""
    languages = inputs.languages
    root = languages.root(locale)
    if locale == page.file.locale:
        return page.url, True
    if kind is Kind.POST:
        version = inputs.news.post_of(page.file.src_uri).versions.get(locale)
        if version:
            return news.post_url(version, languages), True
    elif kind is Kind.NEWS:
        year = page.meta.get("news_year")
        if inputs.news.has(locale) and (not year or year in inputs.news.years(locale)):
            return root + page.url[len(languages.root(page.file.locale)):], True
    elif locale in page.file.alternates:
        return page.file.alternates[locale].url, True
    # A Norwegian-only post or archive year: that language's news page.
    if kind in (Kind.POST, Kind.NEWS) and inputs.news.has(locale):
        return news_views.news_url(languages, locale), False
    return root, False


def alternates(page, kind: Kind, inputs: Inputs) -> tuple:
    items = []
    for locale in inputs.languages.locales:
        url, same_page = version_in(page, kind, locale, inputs)
        url = "" if url == "./" else url
        items.append(Alternate(locale, inputs.languages.names[locale], inputs.site_url + url,
                               get_relative_url(url or ".", page.url or "."), locale == page.file.locale, same_page))
    return tuple(items)


def home_alternates(inputs: Inputs, lang: str) -> tuple:
    """The 404 page's switcher: each language's home page (site-relative; the
    template makes them absolute, as the page shows at any address)."""
    return tuple(Alternate(locale, inputs.languages.names[locale], inputs.site_url + inputs.languages.root(locale),
                           inputs.languages.root(locale), locale == lang, False)
                 for locale in inputs.languages.locales)


# --- Views --------------------------------------------------------------------------

DEFAULT_OG_IMAGE = ("assets/images/og-image.png", (1200, 630))


def _common(inputs: Inputs, lang: str, kind: Kind, page=None, social: Social | None = None) -> dict:
    """The fields every view has, the 404's included."""
    ui, root = inputs.ui[lang], inputs.languages.root(lang)
    feed = None
    if inputs.news.has_own(lang):
        feed = strict({"href": inputs.site_url + news_views.feed_url(inputs.languages, lang), "title": ui["news_feed_title"]})
    image, size = DEFAULT_OG_IMAGE
    organisation = inputs.directory.organisation
    own_news = inputs.news.has_own(lang)
    footer = strict({
        "email": inputs.contact_email, "address": organisation.address, "org_number": organisation.org_number,
        "social": list(organisation.social),
        "feed_url": news_views.feed_url(inputs.languages, lang) if own_news else None,
        "calendar_url": news_views.subscribe_url(inputs.site_url, inputs.languages, lang, ui) if own_news else None,
        # Staff open the page in the content editor from here (site-relative;
        # the template makes it page-relative); generated pages have none.
        "edit_url": cms.editor_address(page.file.src_uri, inputs.languages)
        if page and inputs.edit_uri and page.file.abs_src_path else None,
    })
    return {
        "kind": kind.name.lower(),
        "lang": lang,
        "default_lang": inputs.languages.default,
        "ui": ui,
        "root": root,
        "links": Links(home=root, **places.links(root)),
        "alternates": alternates(page, kind, inputs) if page else home_alternates(inputs, lang),
        "newer_versions": strict(freshness.newer_versions(inputs.commit_times, page)) if page else (),
        "other_og_locales": tuple(inputs.ui[other]["og_locale"] for other in inputs.languages.locales if other != lang),
        "feed": feed,
        "social": social or Social("website", None, inputs.site_url + image, size),
        "footer": footer,
        "sections": tuple(strict({"title": title or ui["news_title"], "url": url})
                          for title, url in inputs.main_sections[lang]),
        "skip_to": "cpc-hero" if kind is Kind.HOME else "main",
        "current_tab": news_views.news_url(inputs.languages, lang) if kind is Kind.POST else None,
        "sequence": sequence(page) if page else None,
        "scheme_names": tuple(inputs.palette_names.get(lang, ())),
    }


def sequence(page):
    """The previous and next page of the page's section (the focus areas), or None."""
    parent = getattr(page, "parent", None)
    siblings = [child for child in (parent.children if parent else []) if getattr(child, "is_page", False)]
    if page not in siblings or len(siblings) < 3 or page is siblings[0]:
        return None  # not in a section of its own, or the section's index
    at = siblings.index(page)
    step = lambda other: {"title": other.title, "url": other.url} if other is not None else None
    return strict({"previous": step(siblings[at - 1] if at > 1 else None),
                   "next": step(siblings[at + 1] if at + 1 < len(siblings) else None)})


def hidden_parts(page, kind: Kind) -> list[str]:
    """Material's `hide:` for a page: neither sidebar, on any page. Every
    page shares one frame (cpc.css); the menu stays in the tabs and a
    phone's drawer, and a long page lists its sections under its title
    (`inline_toc`)."""
    return sorted(set(page.meta.get("hide") or []) | {"navigation", "toc"})


# A page with this many sections or more lists them under its title.
INLINE_TOC_FROM = 5


def inline_toc(page) -> tuple:
    """The sections of a long page, Records(title, url), for «På denne siden»; () for a short one."""
    toc = list(page.toc)
    entries = toc[0].children if len(toc) == 1 else toc  # the page's own h1 is not an entry
    if len(entries) < INLINE_TOC_FROM:
        return ()
    return tuple(strict({"title": entry.title, "url": entry.url}) for entry in entries)


def focus_section(nav, focus_url: str):
    """The menu's focus-area section (its index page's URL is `focus_url`), or None."""
    for item in nav.items if nav else ():
        children = getattr(item, "children", None) or []
        if children and getattr(children[0], "url", None) == focus_url:
            return item
    return None


def focus_areas(section, page_url: str, pages: dict, docs_dir: Path) -> tuple:
    """The section's pages after its index, as cards: title and description
    from each page's front matter (as the checks read it: a page may come
    before the pages it shows), URL relative to the page that shows them."""
    areas = []
    for child in (section.children[1:] if section else ()):
        if not getattr(child, "is_page", False):
            continue
        meta = pages.get(Path(child.file.abs_src_path).relative_to(docs_dir).as_posix(), {})
        areas.append({"title": meta.get("title") or child.title, "description": meta.get("description", ""),
                      "url": get_relative_url(child.url, page_url)})
    return strict(areas)


def member_groups(inputs: Inputs, ui, page_url: str) -> tuple:
    """The logo wall: members, partners and funders, each group in data/members.yml's order."""
    groups = []
    for kind in directory.KINDS:
        members = [m for m in inputs.directory.members if m.kind == kind]
        if members:
            groups.append({"kind": kind, "title": ui[f"members_kind_{kind}"],
                           "members": [{"name": m.name, "url": m.url, "logo": logo_view(inputs, m.logo, m.name, page_url)}
                                       for m in members]})
    return strict(groups)


def logo_view(inputs: Inputs, path: str, name: str, page_url: str):
    picture = inputs.pictures.get(path)
    return strict({"picture": pictures.view(picture, name, image_render.THUMBNAIL, page_url) if picture else None,
                   "src": get_relative_url(path, page_url), "alt": name})


def people(inputs: Inputs, lang: str, page_url: str) -> tuple:
    return strict([{"name": p.name, "role": p.role.get(lang, ""), "email": p.email, "phone": p.phone,
                    "photo": logo_view(inputs, p.photo, p.name, page_url) if p.photo else None}
                   for p in inputs.directory.people])


def page_view(page, inputs: Inputs, nav=None) -> PageView:
    kind = kind_of(page, inputs.languages)
    lang = page.file.locale
    ui = inputs.ui[lang]

    def thumbnail(version):
        picture = inputs.pictures.get(version.image or "")
        return pictures.view(picture, "", image_render.THUMBNAIL, page.url) if picture else None

    if kind is Kind.HOME:
        return HomeView(**_common(inputs, lang, kind, page),
                        goals=strict(goals.views(inputs.goals, lang, ui, compact=True)),
                        focus_areas=focus_areas(focus_section(nav, places.links(inputs.languages.root(lang))["focus_areas"]),
                                                page.url, inputs.pages, inputs.docs_dir),
                        news=news_views.home_news(inputs.news, lang, ui, inputs.languages, thumbnail),
                        members=member_groups(inputs, ui, page.url))
    if kind is Kind.NEWS:
        return NewsView(**_common(inputs, lang, kind, page),
                        news=news_views.listing(inputs.news, lang, ui, inputs.languages, page.meta.get("news_year"),
                                                thumbnail, inputs.site_url))
    if kind is Kind.POST:
        version = inputs.news.post_of(page.file.src_uri).versions[lang]
        details = news_views.post_details(version, inputs.news, ui, inputs.languages, lambda v, event: signup_form(inputs, page, v, event),
                                          lambda v: lead_image(v, inputs, page.url))
        return PostView(**_common(inputs, lang, kind, page, post_social(version, details, inputs)), post=details)
    return PageView(**_common(inputs, lang, kind, page))


def lead_image(version, inputs: Inputs, page_url: str):
    """A post's image as its page shows it: a picture from the image step, or an SVG as it is."""
    if not version.image:
        return None
    picture = inputs.pictures.get(version.image)
    return strict({
        "picture": pictures.view(picture, version.image_alt, image_render.LEAD, page_url, lead=True) if picture else None,
        "src": get_relative_url(version.image, page_url), "alt": version.image_alt,
        "caption": version.image_caption, "caption_lang": version.image_caption_lang, "credit": version.image_credit,
    })


def post_social(version, details, inputs: Inputs) -> Social:
    """A shared post shows its image's 1200x630 crop, an SVG as it is, or the site's picture."""
    picture = inputs.pictures.get(version.image or "")
    if picture and picture.og:
        image, size = inputs.site_url + picture.og.path, (picture.og.width, picture.og.height)
    elif version.image:
        image, size = inputs.site_url + version.image, None
    else:
        image, size = inputs.site_url + DEFAULT_OG_IMAGE[0], DEFAULT_OG_IMAGE[1]
    return Social("article", details.published, image, size)


def not_found_view(inputs: Inputs) -> NotFoundView:
    """The one 404 page: the default language around a body in every language."""
    lang = inputs.languages.default
    return NotFoundView(**_common(inputs, lang, Kind.NOT_FOUND),
                        languages=tuple(PageView(**_common(inputs, locale, Kind.NOT_FOUND))
                                        for locale in inputs.languages.locales))


def contact_form(inputs: Inputs, page, topic: str) -> forms.FormView:
    lang = page.file.locale
    return forms.form_view(inputs.ui[lang], lang, inputs.languages.root(lang), page.url, inputs.form_service,
                           inputs.contact_email, inputs.site_url, topic)


def signup_form(inputs: Inputs, page, version, event) -> forms.FormView:
    lang = page.file.locale
    return forms.form_view(inputs.ui[lang], lang, inputs.languages.root(lang), page.url, inputs.form_service,
                           inputs.contact_email, inputs.site_url, None,
                           {"title": version.title, "date_text": event.date_text})

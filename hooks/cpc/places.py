"""Where things are: the one module that names the pages and folders the
code links to. Templates get these as URLs in their view (`cpc.links`);
tests import them from here. Locales come from mkdocs.yml (bilingual.py).
"""
from __future__ import annotations

# The news folder in docs/, and so in every language's URL.
NEWS = "nyheter"
# Pages the site's own markup links to, by role: role -> docs/<slug>.md.
PAGES = {
    "contact": "kontakt",
    "privacy": "personvern",
    "accessibility": "tilgjengelighet",
    "thanks": "takk",
    "goals": "mal-og-fokus",
    "membership": "bli-medlem",
    "focus_areas": "fokusomrader",
}
# The news menu entry goes before this page, as on most cluster sites.
NEWS_BEFORE = "membership"


def links(root: str) -> dict[str, str]:
    """Site-relative URLs of the pages above, and the news page, in the
    language whose folder is `root` ('' or 'en/')."""
    return {role: f"{root}{slug}/" for role, slug in PAGES.items()} | {"news": f"{root}{NEWS}/"}

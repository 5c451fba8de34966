"""What the tests share, one small module each:

- build: building the site and project copies (sitetools.build), fixture posts;
- server: serving a built site like GitHub Pages (sitetools.server);
- form_endpoint: the recording form endpoint on 127.0.0.1;
- browser: Debian's Chromium and what tests do in it (sitetools.browser);
- links: the link checker;
- nu: the Nu HTML Checker;
- pages: the pages every gate is parametrized by.

Fixtures live in conftest.py.
"""
from __future__ import annotations

from support.browser import *  # noqa: F401,F403
from support.build import *  # noqa: F401,F403
from support.form_endpoint import FormEndpoint, serve_form_endpoint  # noqa: F401
from support.nu import VNU_JAR, nu_check  # noqa: F401
from sitetools.server import serve_site  # noqa: F401

# The page list reads mkdocs.yml; it is loaded when a test first asks for it.
_LAZY = {"PAGES", "LANGUAGES", "MISSING_PAGES", "built_pages", "is_missing_page", "language_of", "page_id",
         "source_url", "page_paths", "check_site", "public_html"}


def __getattr__(name: str):
    if name == "check_site":
        from support.links import check_site
        return check_site
    if name in _LAZY:
        from support import pages
        return getattr(pages, name)
    raise AttributeError(name)

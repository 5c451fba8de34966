"""Page content steps that run on each page's HTML body, before the theme.

Staff leave notes for each other as HTML comments (`<!-- FYLL INN: ... -->`);
they stay in the Markdown and never reach a published page.
"""
from __future__ import annotations

import re

# Markdown code blocks escape "<!--", so this only meets real comments.
COMMENT = re.compile(r"<!--.*?-->\n?", re.S)


def strip_staff_notes(html: str) -> str:
    return COMMENT.sub("", html)

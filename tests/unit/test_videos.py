"""A link to a video becomes a card naming its host (videos.py, issue 25)."""
from __future__ import annotations

import pytest

from cpc import videos


@pytest.mark.parametrize("url, expected", [
    ("https://www.youtube.com/watch?v=abc", ("YouTube", "youtube.com")),
    ("https://youtu.be/abc", ("YouTube", "youtu.be")),
    ("https://m.youtube.com/watch?v=abc", ("YouTube", "youtube.com")),
    ("https://vimeo.com/123", ("Vimeo", "vimeo.com")),
    ("https://www.facebook.com/cpcluster/videos/123", ("Facebook", "facebook.com")),
    ("https://www.facebook.com/cpcluster", None),
    ("https://example.com/video.mp4", None),
    ("javascript:alert(1)", None),
])
def test_host_of(url, expected):
    assert videos.host_of(url) == expected


def test_only_a_paragraph_that_is_just_a_video_link_becomes_a_card():
    html = ('<p>Intro <a href="https://youtu.be/a">i teksten</a>.</p>\n'
            '<p><a href="https://www.youtube.com/watch?v=b&amp;t=3">Se <em>videoen</em> &amp; mer</a></p>\n'
            '<p><a href="https://example.com/">Ikke en video</a></p>')
    out = videos.cards(html, lambda v: f"[card {v.host} {v.domain} {v.href} {v.text}]")
    assert out == ('<p>Intro <a href="https://youtu.be/a">i teksten</a>.</p>\n'
                   '[card YouTube youtube.com https://www.youtube.com/watch?v=b&t=3 Se videoen & mer]\n'
                   '<p><a href="https://example.com/">Ikke en video</a></p>')

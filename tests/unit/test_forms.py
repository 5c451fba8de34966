"""The form endpoint and marker rules (hooks/cpc/forms.py), without a build."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from cpc import forms


hook = forms


# --- the hook, without a browser -----------------------------------------------


@pytest.mark.parametrize("url", [
    "https://formspree.io/f/abc",
    "http://127.0.0.1:8123/f/test",
    "http://localhost/f/test",
])
def test_endpoint_accepts_https_and_local_http(url):
    assert hook.check_endpoint(url) == url


@pytest.mark.parametrize("url", [
    "http://formspree.io/f/abc",
    "http://127.0.0.2/f/test",
    "ftp://example.com/f",
    "https://",
    "formspree.io/f/abc",
    "",
    None,
])
def test_endpoint_rejects_anything_else(url):
    with pytest.raises(PluginError, match=r"extra\.form_service\.endpoint"):
        hook.check_endpoint(url)


def test_marker_rules():
    assert hook.find_topic("<p>a</p>\n<!-- cpc-contact-form topic=project -->\n", "docs/x.md") == "project"
    assert hook.find_topic("<!-- cpc-contact-form -->", "docs/x.md") == "general"
    # Inline mentions (e.g. in a code sample) are not markers.
    assert hook.find_topic("<p>use &lt;!-- cpc-contact-form --&gt;</p>", "docs/x.md") is None
    with pytest.raises(PluginError, match=r"docs/x\.md: unknown contact form topic 'fees'"):
        hook.find_topic("<!-- cpc-contact-form topic=fees -->", "docs/x.md")
    with pytest.raises(PluginError, match=r"docs/x\.md: the contact form marker appears 2 times"):
        hook.find_topic("<!-- cpc-contact-form -->\n<!-- cpc-contact-form -->", "docs/x.md")


# --- Nu HTML Checker -----------------------------------------------------------------



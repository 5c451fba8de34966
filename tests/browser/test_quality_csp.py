"""Gate: a Content-Security-Policy <meta> on every page (hooks/cpc/csp.py);
the browser records violations (every page is visited in
test_quality_pages.py, which allows none)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from cpc import csp, forms
from cpc.bilingual import Languages
from support import PAGES, ROOT, built_pages, new_context, open_page, public_html

CHARSET_THEN_CSP = re.compile(r'<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"directive {name} given twice"
        parsed[name] = values
    return parsed


def test_inline_script_hashes_cover_code_not_data():
    html = ('<script>alert(1)</script><script type="application/json">{"a": 1}</script>'
            '<script src="x.js"></script><script type="module">go()</script>')
    # printf 'alert(1)' | openssl sha256 -binary | base64, and the same for go()
    assert csp.inline_script_hashes(html) == ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='", "'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]


def test_policy_fills_the_templates_placeholder_and_refuses_inline_handlers():
    html = ('<!doctype html><html><head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
            'content="cpc-csp-policy"><style>p{}</style></head><body><script>go()</script></body></html>')
    fixed = csp.add_policy(html, "https://forms.example", "test.html")
    policy = directives(CHARSET_THEN_CSP.search(fixed).group(1))
    assert policy["connect-src"] == ["'self'", "https://forms.example"]
    assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"] and len(policy["script-src"]) == 3
    assert policy["style-src"] == ["'self'", csp.inline_style_hashes(html)[0]]
    with pytest.raises(PluginError, match="inline event handler"):
        csp.add_policy(html.replace("<body>", '<body onload="x()">'), "https://forms.example", "test.html")
    with pytest.raises(PluginError, match="placeholder"):
        csp.add_policy(html.replace('content="cpc-csp-policy"', ""), "https://forms.example", "test.html")


def test_form_origin_comes_from_the_checked_endpoint(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("CONTACT_FORM_ENDPOINT", "https://formspree.io/f/x")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert forms.form_service(config, Languages.from_config(config)).origin == "https://formspree.io"


def test_built_pages_are_the_pages_the_tests_know(site_dir):
    """Gates are parametrized by the pages read from docs/; the build makes exactly those."""
    assert sorted(built_pages(site_dir)) == sorted(PAGES)


def test_every_page_carries_the_policy(site_dir):
    endpoint = None
    files = public_html(site_dir)
    assert len(files) >= 2
    for file in files:
        html = file.read_text(encoding="utf-8")
        found = CHARSET_THEN_CSP.search(html)
        assert found, f"{file}: no CSP <meta> right after the charset"
        assert html.count('http-equiv="Content-Security-Policy"') == 1, file
        policy = directives(found.group(1).replace("&#39;", "'"))
        assert policy["default-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["style-src"][0] == "'self'" and "'unsafe-inline'" not in policy["style-src"], file
        script = policy["script-src"]
        assert script[:2] == ["'self'", "'wasm-unsafe-eval'"] and "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, file
        # Every executable inline script of the final page is hashed, nothing more.
        soup = BeautifulSoup(html, "html.parser")
        inline = [tag for tag in soup.find_all("script") if not tag.get("src") and tag.get("type", "") in ("", "text/javascript", "module")]
        assert inline, f"{file}: expected Material's inline scripts"
        assert sorted(set(csp.inline_script_hashes(html))) == sorted(script[2:]), file
        assert len(script[2:]) == len({tag.string for tag in inline}), file
        # 'self' for the service's redirect back to the thank-you page.
        assert policy["form-action"][0] == "'self'", file
        origin = policy["form-action"][1:]
        assert len(origin) == 1 and urlsplit(origin[0]).scheme in ("http", "https"), file
        assert policy["connect-src"] == ["'self'", origin[0]], file
        endpoint = endpoint or origin[0]
        assert origin[0] == endpoint, f"{file}: another form origin"


@pytest.fixture
def watched_page(browser):
    context = new_context(browser)
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message) if message.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(error))
    yield page, messages
    context.close()


def test_the_browser_reports_violations(watched_page, site_url):
    """The recorder works: an inline script without a hash is blocked and seen."""
    page, messages = watched_page
    open_page(page, site_url)
    page.evaluate("""() => { const s = document.createElement("script"); s.textContent = "window.__cpcRan = 1"; document.body.append(s); }""")
    page.wait_for_function("window.__cpcViolations.length > 0")
    assert page.evaluate("window.__cpcRan") is None
    assert any("script-src" in violation for violation in page.evaluate("window.__cpcViolations"))

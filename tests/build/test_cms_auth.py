"""With CMS_AUTH_URL set, the built editor signs in through Sveltia's
authenticator: its configuration names it, and the admin page's policy lets
it connect there and nowhere else new (hooks/cpc/cms.py, README "Content editor")."""
from __future__ import annotations

import re

import yaml

from cpc import cms
from support import ROOT, build_project, copy_project

AUTH = "https://cpc-auth.example.workers.dev"


def test_cms_auth_url_reaches_the_configuration_and_the_policy(tmp_path):
    assert (ROOT / cms.ADMIN_DIR / cms.PACKAGE / cms.SCRIPT).is_file(), "run `make test` (npm ci --prefix admin)"
    project = copy_project(tmp_path / "project", editor=True)
    site = tmp_path / "site"
    result = build_project(project, site, CMS_AUTH_URL=AUTH)
    assert result.returncode == 0, result.stdout + result.stderr
    backend = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend["base_url"] == AUTH and backend["auth_methods"] == ["oauth", "token"]
    html = (site / "admin" / "index.html").read_text(encoding="utf-8")
    policy = dict(d.split(" ", 1) for d in re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1).split("; "))
    assert policy["connect-src"] == f"'self' data: blob: https://api.github.com {AUTH}"
    assert [d for d, v in policy.items() if AUTH in v] == ["connect-src"]

"""The GitHub files in .github/: valid against GitHub's schemas (offline, with
check-jsonschema's built-in copies), least privilege, and pinned actions."""
from __future__ import annotations

from pathlib import Path


from support import build_project
from support.site import DEFAULT, address

ROOT = Path(__file__).resolve().parents[2]


def test_publishing_without_a_form_endpoint_stops_with_a_clear_message(tmp_path):
    result = build_project(ROOT, tmp_path / "site", PUBLISH="true", CONTACT_FORM_ENDPOINT="")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "CONTACT_FORM_ENDPOINT is not set" in output and "Settings → Secrets and variables → Actions" in output
    # A local build without it still works, and posts nowhere real.
    local = build_project(ROOT, tmp_path / "local", CONTACT_FORM_ENDPOINT="")
    assert local.returncode == 0, local.stderr
    assert 'action="http://127.0.0.1:9/' in (tmp_path / "local" / address("contact", DEFAULT) / "index.html").read_text(encoding="utf-8")


def test_cname_is_copied_once_to_the_site_root(site_dir):
    found = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("CNAME"))
    assert found == ["CNAME"]
    assert (site_dir / "CNAME").read_text(encoding="utf-8").strip() == "www.cpcluster.no"

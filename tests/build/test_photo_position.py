"""`make check` and the build refuse a committed photo that still carries
its GPS position (issue 26), with the same message at the file."""
from __future__ import annotations

import os
import subprocess
import sys

from sitetools.photos import build_phone_photos
from support import ROOT, build_project, copy_project


def test_check_and_build_refuse_a_photo_with_a_position(tmp_path):
    project = copy_project(tmp_path / "project")
    photo = build_phone_photos(tmp_path / "phone", heic_size=None).jpeg
    (project / "docs" / "assets" / "images" / "fra-telefonen.jpg").write_bytes(photo.read_bytes())
    error = "docs/assets/images/fra-telefonen.jpg:1: FEIL / ERROR"
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
                           capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=120)
    assert check.returncode == 1
    assert error in check.stdout and "GPS-posisjon" in check.stdout and "make strip-photos" in check.stdout
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and error in output and "GPS position" in output
    assert "Traceback" not in output

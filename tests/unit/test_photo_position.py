"""A committed photo may not say where it was taken or by which camera
(issue 26): rules.check_uploads_for_position finds it, with a message that
says how to fix it, and `make strip-photos` (scripts/strip_photos.py) fixes
it in place."""
from __future__ import annotations

import subprocess
import sys

from PIL import Image

from cpc import audit, rules
from sitetools.photos import TOP_LEFT_MARK, UPRIGHT_SIZE, build_phone_photos
from support import ROOT


def test_a_phone_photo_with_a_position_is_refused_and_strip_photos_cleans_it(tmp_path):
    docs = tmp_path / "docs"
    (docs / "nyheter").mkdir(parents=True)
    photo = build_phone_photos(tmp_path / "phone", heic_size=None).jpeg
    target = docs / "nyheter" / "besok.jpg"
    target.write_bytes(photo.read_bytes())
    (finding,) = rules.check_uploads_for_position(docs)
    assert (finding.level, finding.path, finding.line) == ("error", target, 1)
    assert "GPS-posisjon" in finding.nb and "GPS position" in finding.en
    for text in (finding.nb, finding.en):
        assert "/admin/" in text and "make strip-photos" in text
    assert "posisjon (stedsdata) for kameraet" in finding.nb and "turn off location" in finding.en

    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "strip_photos.py"), "--docs", str(docs)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "1 bilde renset. / 1 photo stripped." in run.stdout
    assert rules.check_uploads_for_position(docs) == []
    assert audit.strip_check(target) == []
    with Image.open(target) as stripped:
        assert stripped.format == "JPEG" and stripped.size == UPRIGHT_SIZE  # turned upright, not sideways
        red = stripped.convert("RGB").getpixel((20, 20))
    assert all(abs(a - b) < 40 for a, b in zip(red, TOP_LEFT_MARK))


def test_a_camera_serial_number_is_refused_and_a_photo_without_position_passes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0xA431] = "SN-0042"  # BodySerialNumber
    Image.new("RGB", (800, 600), (40, 120, 90)).save(docs / "serienummer.png", exif=exif.tobytes())
    no_position = build_phone_photos(tmp_path / "phone", heic_size=None, position=False).jpeg
    (docs / "uten-posisjon.jpg").write_bytes(no_position.read_bytes())
    (finding,) = rules.check_uploads_for_position(docs)
    assert finding.path == docs / "serienummer.png"
    assert "kameraets serienummer" in finding.nb and "camera serial number" in finding.en


def test_an_iphone_photo_with_a_position_is_told_to_go_through_jpeg(tmp_path):
    """The editor takes JPEG, PNG and WebP, so an HEIC's message says how to get one."""
    docs = tmp_path / "docs"
    docs.mkdir()
    heic = build_phone_photos(tmp_path / "phone", heic_size=(120, 160)).heic
    (docs / "besok.heic").write_bytes(heic.read_bytes())
    (finding,) = rules.check_uploads_for_position(docs)
    assert "lagre det som JPEG" in finding.nb and "save it as JPEG" in finding.en
    jpeg = build_phone_photos(tmp_path / "phone-jpeg", heic_size=None).jpeg
    (docs / "besok.heic").unlink()
    (docs / "besok.jpg").write_bytes(jpeg.read_bytes())
    (finding,) = rules.check_uploads_for_position(docs)
    assert "JPEG" not in finding.nb

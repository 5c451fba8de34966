"""The image step (issue 16) on a real photograph: a 4000x3000 phone JPEG
tiled from scikit-image's photographs at 1:1, with orientation 6, GPS,
camera data, XMP, IPTC and a Display P3 profile (sitetools/photos.py)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from cpc import audit, image_inspect, image_render, media_types
from sitetools.photos import (CAMERA_MODEL, MARK_FRACTION, TOP_LEFT_MARK, TOP_RIGHT_MARK, UPRIGHT_SIZE,
                           display_p3_profile, tiled_upright_photo)
from support.site import NEWS


# A post's photo, by its path in the site, beside the post.
UPLOAD = f"{NEWS}/foto.jpg"
METADATA_INFO_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop", "iptc"}


@pytest.fixture(scope="session")
def lead(phone, tmp_path_factory):
    """The photo rendered once for the lead slot with og:image, and written
    into a site folder: (picture, cache folder, site folder)."""
    cache = tmp_path_factory.mktemp("cache")
    site = tmp_path_factory.mktemp("site")
    picture = image_render.render(phone.jpeg, UPLOAD, image_render.LEAD.widths, cache, og=True)
    image_render.write(picture, cache, site)
    return picture, cache, site


@pytest.fixture(scope="session")
def thumbnails(phone, lead):
    picture, cache, site = lead
    thumbs = image_render.render(phone.jpeg, UPLOAD, image_render.THUMBNAIL.widths, cache)
    image_render.write(thumbs, cache, site)
    return thumbs


def published(picture: image_render.Picture, site: Path) -> list[Path]:
    return [site / r.path for r in picture.renditions()]


def distance(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5


# ------------------------------------------------------------------ upright

def test_picture_has_the_upright_size_of_the_photo(lead):
    picture, _, _ = lead
    assert (picture.width, picture.height) == UPRIGHT_SIZE == (3000, 4000)
    for rendition in picture.renditions()[:-1]:   # all but the og crop
        assert rendition.height == round(4000 * rendition.width / 3000), rendition


def test_marked_corners_end_where_the_phone_held_them(lead, thumbnails):
    picture, _, site = lead
    checked = 0
    for rendition in (*picture.renditions()[:-1], *thumbnails.renditions()):
        with Image.open(site / rendition.path) as image:
            rgb = image.convert("RGB")
        inset = max(1, round(rgb.width * MARK_FRACTION / 2))
        corners = {
            "top left": rgb.getpixel((inset, inset)),
            "top right": rgb.getpixel((rgb.width - 1 - inset, inset)),
            "bottom left": rgb.getpixel((inset, rgb.height - 1 - inset)),
            "bottom right": rgb.getpixel((rgb.width - 1 - inset, rgb.height - 1 - inset)),
        }
        assert distance(corners["top left"], (255, 0, 0)) < 60, (rendition.path, corners)
        assert distance(corners["top right"], TOP_RIGHT_MARK) < 60, (rendition.path, corners)
        for name in ("bottom left", "bottom right"):
            assert distance(corners[name], (255, 0, 0)) > 60 and distance(corners[name], TOP_RIGHT_MARK) > 60
        checked += 1
    assert checked == 8 + 6


def test_colours_are_converted_from_display_p3_to_srgb(lead):
    """The red mark is (230, 20, 20) in Display P3; shown as sRGB it must be
    the colour lcms gives, not the same numbers taken as sRGB."""
    picture, _, site = lead
    p3 = ImageCms.ImageCmsProfile(io.BytesIO(display_p3_profile()))
    one_pixel = Image.new("RGB", (1, 1), TOP_LEFT_MARK)
    expected = ImageCms.profileToProfile(one_pixel, p3, ImageCms.createProfile("sRGB")).getpixel((0, 0))
    assert distance(expected, TOP_LEFT_MARK) > 20  # else this test could not tell
    for rendition in picture.fallback + picture.sources[0][1]:
        with Image.open(site / rendition.path) as image:
            seen = image.convert("RGB").getpixel((5, 5))
        assert distance(seen, expected) < 12 < distance(seen, TOP_LEFT_MARK) - 8, (rendition.path, seen, expected)


# ----------------------------------------------------------------- metadata

def test_the_upload_carries_what_must_not_be_published(phone):
    """strip_check sees every kind in the original: it can fail."""
    found = " ".join(audit.strip_check(phone.jpeg))
    for kind in ("GPS position", "camera make or model", "capture time", "XMP", "IPTC", "ICC profile", "comment"):
        assert kind in found, found


def test_no_published_file_carries_metadata(lead, thumbnails):
    picture, _, site = lead
    files = published(picture, site) + published(thumbnails, site)
    assert len(files) == 15
    for path in files:
        assert audit.strip_check(path) == [], path
        # Independently of strip_check: what Pillow reads, and the raw bytes.
        with Image.open(path) as image:
            assert len(image.getexif()) == 0, path
            assert not METADATA_INFO_KEYS & set(image.info), (path, image.info.keys())
        data = path.read_bytes()
        for trace in (b"Exif\x00\x00", CAMERA_MODEL.encode(), b"Display P3", b"xmpmeta", b"Photoshop"):
            assert trace not in data, (path, trace)


def test_the_original_upload_is_not_published(lead):
    picture, _, site = lead
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert UPLOAD not in written
    assert set(r.path for r in picture.renditions()) <= set(written)


# ------------------------------------------------------------ sizes, widths

def test_renditions_are_avif_with_jpeg_fallback_at_the_slot_widths(lead):
    picture, _, site = lead
    assert [mime for mime, _ in picture.sources] == ["image/avif"]
    for renditions, pillow_format in ((picture.sources[0][1], "AVIF"), (picture.fallback, "JPEG")):
        assert tuple(r.width for r in renditions) == image_render.LEAD.widths
        for rendition in renditions:
            with Image.open(site / rendition.path) as image:
                assert image.format == pillow_format
                assert image.size == (rendition.width, rendition.height)


def test_og_image_is_a_1200x630_jpeg(lead):
    picture, _, site = lead
    assert picture.og is not None and (picture.og.width, picture.og.height) == (1200, 630)
    with Image.open(site / picture.og.path) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))


def test_phone_rendition_is_within_the_budget(lead):
    """Issue 16: the image on a 390 px phone at DPR 3 is at most 160 KiB."""
    picture, _, site = lead
    avif = {r.width: r for r in picture.sources[0][1]}
    assert (site / avif[1170].path).stat().st_size <= 160 * 1024
    # The fallback costs more, but stays far below the upload.
    jpeg = {r.width: r for r in picture.fallback}
    assert (site / jpeg[1170].path).stat().st_size <= 400 * 1024


def slot_from_sizes(sizes: str, viewport: int) -> float:
    """The slot width a browser takes from `sizes` (px, min-width, calc with vw only)."""
    for entry in (part.strip() for part in sizes.split(",")):
        condition, _, length = entry.rpartition(") ")
        if condition and viewport < int(condition.split(":")[1].strip(" px")):
            continue
        length = (length or entry).strip()
        if length.startswith("calc(100vw - "):
            return viewport - int(length.removeprefix("calc(100vw - ").removesuffix("px)"))
        return float(length.removesuffix("px"))
    raise AssertionError(f"no entry of {sizes!r} applies at {viewport}px")


@pytest.mark.parametrize("viewport, dpr, column", [(390, 3, 358), (1366, 1, 800), (1700, 2, 880)])
def test_the_browser_picks_a_lead_rendition_within_1_6x_of_its_slot(viewport, dpr, column):
    """What srcset selection gives at the bench's viewports: sharp enough
    (>= slot x DPR) yet not wasteful (<= 1.6 x slot x DPR, issue 16)."""
    slot = slot_from_sizes(image_render.sizes_attribute(image_render.LEAD), viewport)
    assert slot == column
    needed = slot * dpr
    # The smallest wide enough, else the largest there is.
    picked = min((w for w in image_render.LEAD.widths if w >= needed), default=max(image_render.LEAD.widths))
    assert picked <= 1.6 * needed and picked >= min(needed, max(image_render.LEAD.widths))


def test_sizes_name_each_slot():
    assert image_render.sizes_attribute(image_render.LEAD).endswith("calc(100vw - 32px)")
    assert image_render.sizes_attribute(image_render.THUMBNAIL) == "160px"
    assert image_render.THUMBNAIL.widths == (160, 320, 480)


@pytest.mark.parametrize("upright_width, expected", [
    (3000, (480, 800, 1170, 1600)),
    (1000, (480, 800, 1000)),
    (1600, (480, 800, 1170, 1600)),
    (300, (300,)),
])
def test_rendition_widths_never_upscale(upright_width, expected):
    assert image_render.rendition_widths(upright_width, image_render.LEAD.widths) == expected


def test_a_small_photo_is_never_upscaled(tmp_path):
    small = tmp_path / "liten.jpg"
    tiled_upright_photo((700, 500)).save(small, quality=90)
    picture = image_render.render(small, "liten.jpg", image_render.LEAD.widths, tmp_path / "cache", og=True)
    widths = [r.width for r in picture.renditions()]
    assert max(widths) == 700 and [r.width for r in picture.fallback] == [480, 700]
    assert picture.og and (picture.og.width, picture.og.height) == (700, 368)
    assert all(r.path.startswith("liten.") for r in picture.renditions())


# -------------------------------------------------------------------- cache

def test_a_warm_render_encodes_nothing(phone, lead, monkeypatch):
    picture, cache, _ = lead
    files = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}

    def refuse(*args, **kwargs):
        raise AssertionError("re-encoded on a warm render")
    monkeypatch.setattr(image_render, "encode_rendition", refuse)
    again = image_render.render(phone.jpeg, UPLOAD, image_render.LEAD.widths, cache, og=True)
    assert again == picture
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == files


def test_a_changed_photo_gets_new_file_names(phone, lead, tmp_path):
    """Names carry the content hash, so they can be cached forever."""
    picture, _, _ = lead
    edited = tmp_path / "foto.jpg"
    with Image.open(phone.jpeg) as image:
        image.save(edited, quality=91, exif=image.info["exif"])
    again = image_render.render(edited, UPLOAD, image_render.THUMBNAIL.widths, tmp_path / "cache")
    old_hash = picture.fallback[0].path.split(".")[1]
    assert all(old_hash not in r.path for r in again.renditions())


def test_an_unfinished_cache_entry_is_rendered_again(phone, tmp_path):
    cache = tmp_path / "cache"
    first = image_render.render(phone.jpeg, "a/foto.jpg", image_render.THUMBNAIL.widths, cache)
    (cache / first.cache_entry / Path(first.fallback[0].path).name).unlink()
    again = image_render.render(phone.jpeg, "a/foto.jpg", image_render.THUMBNAIL.widths, cache)
    image_render.write(again, cache, tmp_path / "site")
    assert (tmp_path / "site" / first.fallback[0].path).is_file()


# --------------------------------------------------------------------- HEIC

def test_a_readable_heic_is_rendered_upright_and_stripped(phone, tmp_path):
    if phone.heic is None:
        pytest.skip("pillow-heif cannot write HEIC here")
    info, problems = image_inspect.inspect(phone.heic, "foto.heic", image_render.LEAD.min_width)
    assert problems == [] and info and (info.width, info.height) == (1200, 1600)
    picture = image_render.render(phone.heic, "foto.heic", image_render.THUMBNAIL.widths, tmp_path / "cache")
    image_render.write(picture, tmp_path / "cache", tmp_path / "site")
    for path in published(picture, tmp_path / "site"):
        assert audit.strip_check(path) == []
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            assert rgb.height > rgb.width
            assert distance(rgb.getpixel((3, 3)), (255, 0, 0)) < 60


# ----------------------------------------------------------------- problems

def check_messages(problem: media_types.ImageProblem, label: str, *words: str) -> None:
    assert label in problem.nb and label in problem.en
    assert problem.nb != problem.en
    for word in words:
        assert word in problem.nb + " " + problem.en, (word, problem)


def test_missing_file(tmp_path):
    label = f"{NEWS}/borte.jpg"
    info, problems = image_inspect.inspect(tmp_path / "borte.jpg", label, 760)
    assert info is None and [(p.kind, p.level) for p in problems] == [("missing", "error")]
    check_messages(problems[0], label, "Finner ikke", "not found")


def test_missing_file_by_case_names_the_file_that_exists(tmp_path, phone):
    shutil.copyfile(phone.jpeg, tmp_path / "foto.jpg")
    info, problems = image_inspect.inspect(tmp_path / "Foto.JPG", "Foto.JPG", 760)
    assert info is None and [p.kind for p in problems] == ["missing"]
    check_messages(problems[0], "Foto.JPG", "«foto.jpg»", "store og små", "capital")


def test_wrong_case_is_caught_even_where_the_file_system_ignores_case(tmp_path, phone, monkeypatch):
    """On macOS or Windows, Foto.JPG would open; the listing still differs."""
    shutil.copyfile(phone.jpeg, tmp_path / "foto.jpg")
    # What a case-insensitive system answers for the wrong spelling:
    monkeypatch.setattr(Path, "exists", lambda self: True)
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    info, problems = image_inspect.inspect(tmp_path / "Foto.JPG", "Foto.JPG", 760)
    assert info is None and [p.kind for p in problems] == ["missing"]


def test_corrupt_file(tmp_path, phone):
    truncated = tmp_path / "halv.jpg"
    truncated.write_bytes(phone.jpeg.read_bytes()[: 600_000])
    info, problems = image_inspect.inspect(truncated, "halv.jpg", 760)
    assert info is None and [(p.kind, p.level) for p in problems] == [("corrupt", "error")]
    check_messages(problems[0], "halv.jpg", "skadet", "damaged")
    with pytest.raises(media_types.ImageRejected) as rejected:
        image_render.render(truncated, "halv.jpg", image_render.LEAD.widths, tmp_path / "cache")
    assert rejected.value.problem.kind == "corrupt"
    assert not any((tmp_path / "cache").glob("*/*")), "a half-done entry was left"


@pytest.mark.parametrize("name, content, words", [
    ("bilde.jpg", "bmp", ("BMP", "JPEG eller PNG")),
    ("notat.jpg", "text", ("ikke et bilde", "not an image")),
    ("scan.tif", "tiff", ("TIF", "JPEG or PNG")),
])
def test_unsupported_file(tmp_path, name, content, words):
    path = tmp_path / name
    if content == "text":
        path.write_text("Møtereferat fra styret\n", encoding="utf-8")
    else:
        Image.new("RGB", (900, 600), "green").save(path, content.upper())
    info, problems = image_inspect.inspect(path, name, 760)
    assert info is None and [(p.kind, p.level) for p in problems] == [("unsupported", "error")]
    check_messages(problems[0], name, *words)


def test_too_small_is_a_warning_and_still_usable(tmp_path):
    path = tmp_path / "liten.png"
    tiled_upright_photo((300, 200)).save(path)
    info, problems = image_inspect.inspect(path, "liten.png", image_render.LEAD.min_width)
    assert info is not None and (info.width, info.height, info.format) == (300, 200, "PNG")
    assert [(p.kind, p.level) for p in problems] == [("too_small", "warning")]
    check_messages(problems[0], "liten.png", "300", "760", "uskarpt", "blurred")
    assert image_inspect.inspect(path, "liten.png", image_render.THUMBNAIL.min_width)[1] == []


def test_upright_width_decides_too_small(phone):
    """3000 wide once upright, though stored 4000 wide: 3200 is too much."""
    assert [p.kind for p in image_inspect.inspect(phone.jpeg, "foto.jpg", 3200)[1]] == ["too_small"]
    assert image_inspect.inspect(phone.jpeg, "foto.jpg", 3000)[1] == []


@pytest.mark.parametrize("case", ["damaged", "not even a header", "no reader"])
def test_unreadable_heic_says_how_to_save_as_jpeg(tmp_path, phone, monkeypatch, case):
    path = tmp_path / "IMG_0001.HEIC"
    if case == "damaged":
        path.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(200))
    elif case == "not even a header":
        path.write_bytes(bytes(300))
    else:
        if phone.heic is None:
            pytest.skip("pillow-heif cannot write HEIC here")
        shutil.copyfile(phone.heic, path)
        monkeypatch.setitem(__import__("sys").modules, "pillow_heif", None)  # import fails
    info, problems = image_inspect.inspect(path, "IMG_0001.HEIC", 760)
    assert info is None and [(p.kind, p.level) for p in problems] == [("heic_unreadable", "error")]
    check_messages(problems[0], "IMG_0001.HEIC", "JPEG", "Mest kompatibel", "Most Compatible")


# ---------------------------------------------------------------- what goes

@pytest.mark.parametrize("name, expected", [
    ("foto.jpg", True), ("IMG_0001.HEIC", True), ("bilde.webp", True), ("x.avif", True), ("a.PNG", True),
    ("scan.bmp", True),   # refused with a message, not passed through
    ("logo.svg", False), ("LOGO.SVG", False), ("rapport.pdf", False),
])
def test_what_the_step_handles(name, expected):
    assert media_types.is_raster(name) is expected


def test_a_jpeg_named_heic_is_read_as_the_jpeg_it_is(tmp_path, phone):
    path = tmp_path / "IMG_0002.heic"
    shutil.copyfile(phone.jpeg, path)
    info, problems = image_inspect.inspect(path, "IMG_0002.heic", 760)
    assert problems == [] and info and (info.format, info.width, info.height) == ("JPEG", 3000, 4000)


def test_svg_is_not_an_image_the_step_reads(tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    assert not media_types.is_raster(svg.name)
    # Should a caller pass one anyway, it is refused, never rasterised.
    assert [p.kind for p in image_inspect.inspect(svg, "logo.svg", 10)[1]] == ["unsupported"]


def test_transparent_png_keeps_alpha_in_avif_and_is_on_white_in_jpeg(tmp_path):
    path = tmp_path / "logo.png"
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    image.paste((0, 90, 40, 255), (100, 50, 300, 150))
    image.save(path)
    picture = image_render.render(path, "logo.png", image_render.THUMBNAIL.widths, tmp_path / "cache")
    image_render.write(picture, tmp_path / "cache", tmp_path / "site")
    with Image.open(tmp_path / "site" / picture.sources[0][1][-1].path) as avif:
        assert avif.mode == "RGBA" and avif.getpixel((2, 2))[3] == 0
    with Image.open(tmp_path / "site" / picture.fallback[-1].path) as jpeg:
        assert distance(jpeg.convert("RGB").getpixel((2, 2)), (255, 255, 255)) < 8


def test_an_upload_that_passed_is_not_decoded_again(phone, tmp_path, monkeypatch):
    """Builds and make check inspect every photo; a rebuild reads no pixels again."""
    first = image_inspect.inspect(phone.jpeg, "foto.jpg", image_render.LEAD.min_width, tmp_path)
    monkeypatch.setattr(image_inspect, "open_verified", lambda *args, **kwargs: pytest.fail("decoded again"))
    assert image_inspect.inspect(phone.jpeg, "foto.jpg", image_render.LEAD.min_width, tmp_path) == first
    assert image_inspect.inspect(phone.jpeg, "foto.jpg", 10_000, tmp_path)[1][0].kind == "too_small"

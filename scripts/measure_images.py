"""Measure the image step on the phone-like fixture photo (issue 16).

Prints, for every rendition width and for JPEG, WebP and AVIF: bytes, encode
seconds and SSIM against the resized original, then the cold and warm render
time per photo as the build does it (lead set with og:image, plus the
thumbnail set).

- AVIF and the JPEG fallback are at the settings in hooks/cpc/image_render.py.
- "at AVIF's SSIM" rows give, for JPEG and WebP, the smallest quality that
  reaches the AVIF rendition's SSIM: the bytes each would need to look as
  good, which is how the format was chosen.

SSIM is computed on luma with a sliding 7x7 window (numpy, which
scikit-image brings into the test environment). SSIM is known to undervalue
AVIF, whose artefacts are smoothing rather than blocks and ringing, so the
comparison leans towards JPEG and WebP.

Run: python scripts/measure_images.py   (about a minute on two cores)
"""
from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT)]

from cpc import image_inspect, image_render  # noqa: E402
from sitetools.photos import build_phone_photos  # noqa: E402


def ssim(reference: Image.Image, encoded: bytes) -> float:
    """Mean SSIM on luma with a sliding 7x7 window (as scikit-image's
    default). Sliding, not tiled: 8x8 tiles would line up with JPEG's and
    WebP's block edges and never see their blocking."""
    def luma(image: Image.Image) -> np.ndarray:
        return np.asarray(image.convert("L"), dtype=np.float64)

    def window_mean(values: np.ndarray, size: int = 7) -> np.ndarray:
        integral = np.pad(values, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
        total = (integral[size:, size:] - integral[:-size, size:] - integral[size:, :-size]
                 + integral[:-size, :-size])
        return total / (size * size)

    a, b = luma(image_render._opaque(reference)), luma(Image.open(io.BytesIO(encoded)))
    mean_a, mean_b = window_mean(a), window_mean(b)
    var_a = window_mean(a * a) - mean_a ** 2
    var_b = window_mean(b * b) - mean_b ** 2
    cov = window_mean(a * b) - mean_a * mean_b
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    return float(np.mean((2 * mean_a * mean_b + c1) * (2 * cov + c2)
                         / ((mean_a ** 2 + mean_b ** 2 + c1) * (var_a + var_b + c2))))


def encode(image: Image.Image, pillow_format: str, **options) -> tuple[bytes, float]:
    if pillow_format in ("JPEG", "WEBP"):
        image = image_render._opaque(image)
    buffer = io.BytesIO()
    started = time.perf_counter()
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue(), time.perf_counter() - started


def quality_matching(image: Image.Image, pillow_format: str, target: float, base: dict) -> tuple[int, bytes, float]:
    """Smallest quality whose SSIM reaches target (binary search 10..98)."""
    low, high, best = 10, 98, None
    while low <= high:
        quality = (low + high) // 2
        data, seconds = encode(image, pillow_format, **{**base, "quality": quality})
        if ssim(image, data) >= target:
            best, high = (quality, data, seconds), quality - 1
        else:
            low = quality + 1
    if best is None:
        data, seconds = encode(image, pillow_format, **{**base, "quality": 98})
        best = (98, data, seconds)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photo = build_phone_photos(folder / "upload", heic_size=None).jpeg
        print(f"Fixture: {photo.stat().st_size / 1e6:.1f} MB JPEG, stored 4000x3000, EXIF orientation 6,"
              " Display P3, GPS/XMP/IPTC; real photographs from scikit-image tiled at 1:1.\n")
        opened, problem = image_inspect.open_verified(photo, "foto.jpg", wanted_width=None)
        assert opened and not problem
        upright = image_render._normalized(ImageOps.exif_transpose(opened.image))
        widths = sorted(set(image_render.LEAD.widths) | set(image_render.THUMBNAIL.widths))

        webp_base = {"method": 4}
        jpeg_base = {k: v for k, v in image_render.JPEG.options if k != "quality"}
        header = (f"{'width':>5} {'height':>6} | {'AVIF (chosen)':>24} | {'JPEG fallback (chosen)':>24} |"
                  f" {'WebP at AVIF SSIM':>24} | {'JPEG at AVIF SSIM':>24}")
        print(header)
        print(f"{'':>12} | {'q KiB s SSIM':>24} | {'q KiB s SSIM':>24} | {'q KiB s':>24} | {'q KiB s':>24}")
        print("-" * len(header))
        totals = {"avif": 0, "jpeg": 0, "webp": 0, "jpeg_match": 0}
        for width in widths:
            resized = image_render._resized(upright, width, opened.upright)
            avif_options = image_render.AVIF.options_for(width)
            avif, avif_s = encode(resized, "AVIF", **avif_options)
            jpeg_options = image_render.JPEG.options_for(width)
            jpeg, jpeg_s = encode(resized, "JPEG", **jpeg_options)
            target = ssim(resized, avif)
            webp_q, webp, webp_s = quality_matching(resized, "WEBP", target, webp_base)
            match_q, match, match_s = quality_matching(resized, "JPEG", target, jpeg_base)
            totals["avif"] += len(avif)
            totals["jpeg"] += len(jpeg)
            totals["webp"] += len(webp)
            totals["jpeg_match"] += len(match)

            def cell(quality: object, data: bytes, seconds: float, quality_ssim: float | None = None) -> str:
                text = f"{quality} {len(data) / 1024:6.1f} {seconds:5.2f}"
                return f"{text} {quality_ssim:.3f}" if quality_ssim is not None else text
            print(f"{width:>5} {resized.height:>6} | "
                  f"{cell(avif_options['quality'], avif, avif_s, target):>24} | "
                  f"{cell(jpeg_options['quality'], jpeg, jpeg_s, ssim(resized, jpeg)):>24} | "
                  f"{cell(webp_q, webp, webp_s):>24} | {cell(match_q, match, match_s):>24}")
        print("-" * len(header))
        print(f"all widths, KiB: AVIF {totals['avif'] / 1024:.0f}, JPEG fallback {totals['jpeg'] / 1024:.0f}, "
              f"WebP at AVIF SSIM {totals['webp'] / 1024:.0f}, JPEG at AVIF SSIM {totals['jpeg_match'] / 1024:.0f}")

        print("\nAVIF speed at 1170 px (quality as chosen):")
        resized = image_render._resized(upright, 1170, opened.upright)
        for speed in (6, 7, 8, 9):
            data, seconds = encode(resized, "AVIF", **{**image_render.AVIF.options_for(1170), "speed": speed})
            print(f"  speed {speed}: {len(data) / 1024:6.1f} KiB {seconds:5.2f} s SSIM {ssim(resized, data):.3f}")

        started = time.perf_counter()
        image_inspect.inspect(photo, "foto.jpg", image_render.LEAD.min_width)
        print(f"\ninspect() of the upload (what make check runs): {time.perf_counter() - started:.3f} s")

        cache = folder / "cache"
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            lead = image_render.render(photo, "nyheter/foto.jpg", image_render.LEAD.widths, cache, og=True)
            image_render.render(photo, "nyheter/foto.jpg", image_render.THUMBNAIL.widths, cache)
            runs.append(time.perf_counter() - started)
        print(f"Render per photo (lead set + og:image + thumbnail set, {len(lead.renditions())} + 6 files):"
              f" cold {runs[0]:.2f} s, warm {runs[1]:.3f} s")
        phone = next(r for r in lead.sources[0][1] if r.width == 1170)
        size = (cache / lead.cache_entry / Path(phone.path).name).stat().st_size
        print(f"Lead rendition for a 390 px phone at DPR 3: {phone.path} {phone.width}x{phone.height},"
              f" {size / 1024:.1f} KiB (budget 160 KiB)")


if __name__ == "__main__":
    main()

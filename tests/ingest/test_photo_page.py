"""Photos of paper: the sheet found and made flat; scans and close-ups left as they are."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from build_tools.ingest import photo_page
from build_tools.ingest.photo_page import perspective_coefficients, prepare_photo

PAPER = (420, 594)  # A4 at 50 pixels per inch: small enough to stay fast


def printed_sheet(seed: int = 0) -> Image.Image:
    """White paper with lines of dark "print" across it, as a page of text."""
    rng = random.Random(seed)
    sheet = Image.new("RGB", PAPER, "white")
    draw = ImageDraw.Draw(sheet)
    for y in range(40, PAPER[1] - 40, 12):
        x = 50
        while x < PAPER[0] - 40:
            width = rng.randint(8, 30)
            draw.rectangle((x, y, min(x + width, PAPER[0] - 40), y + 5), fill=(20, 20, 20))
            x += width + rng.randint(4, 8)
    return sheet


def photographed(sheet: Image.Image, corners: list[tuple[float, float]], frame=(560, 750),
                 light=None) -> Image.Image:
    """The sheet seen with its corners at ``corners`` on a dark desk, lit by ``light`` (per pixel)."""
    coeffs = perspective_coefficients(corners, [(0, 0), (sheet.width, 0), (sheet.width, sheet.height),
                                                (0, sheet.height)])
    warped = sheet.transform(frame, Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor="white")
    mask = Image.new("L", sheet.size, 255).transform(frame, Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    desk = Image.effect_noise(frame, 12).convert("RGB")
    desk = Image.blend(Image.new("RGB", frame, (80, 60, 45)), desk, 0.15)
    photo = Image.composite(warped, desk, mask)
    if light is not None:
        photo = Image.fromarray(np.clip(np.asarray(photo, dtype=np.float32) * light[..., None], 0, 255)
                                .astype(np.uint8))
    return photo.filter(ImageFilter.GaussianBlur(0.7))


CORNERS = [(70.0, 90.0), (480.0, 70.0), (505.0, 680.0), (55.0, 660.0)]  # a trapezium, turned a little


def test_the_corners_of_a_warped_sheet_are_found_within_one_per_cent_of_its_size():
    page, prepared = prepare_photo(photographed(printed_sheet(), CORNERS))
    assert prepared is not None and prepared.corners is not None
    tolerance = 0.01 * max(PAPER)
    for found, true in zip(prepared.corners, CORNERS):
        assert abs(found[0] - true[0]) <= tolerance and abs(found[1] - true[1]) <= tolerance, (found, true)
    assert abs(page.width / page.height - PAPER[0] / PAPER[1]) < 0.03  # the sheet's shape comes back


def test_the_undone_perspective_makes_the_sheet_a_rectangle_of_paper():
    page, _ = prepare_photo(photographed(printed_sheet(), CORNERS))
    grey = np.asarray(page.convert("L"), dtype=np.float32)
    # no desk left along the edges: the outer rows and columns are paper (bright)
    for edge in (grey[2, 10:-10], grey[-3, 10:-10], grey[10:-10, 2], grey[10:-10, -3]):
        assert np.percentile(edge, 10) > 200


def light_falling_off(frame=(560, 750), darkest=0.5) -> np.ndarray:
    xs = np.linspace(1.0, darkest, frame[0], dtype=np.float32)
    return np.tile(xs, (frame[1], 1))


def test_flattening_evens_a_gradient_across_the_paper():
    light = light_falling_off(darkest=0.4)
    photo = photographed(printed_sheet(), CORNERS, light=light)
    page, prepared = prepare_photo(photo)
    assert prepared is not None

    def paper_spread(image: Image.Image) -> float:
        blocks, _ = photo_page.paper_brightness(np.asarray(image.convert("L"), dtype=np.float32), 20, 90)
        inner = blocks[1:-1, 1:-1]
        return float(inner.min() / inner.max())

    sheet_only = photo.crop((110, 130, 450, 620))  # inside the sheet: how uneven the paper was
    assert paper_spread(sheet_only) < 0.7
    assert paper_spread(page) > 0.9


def test_a_close_up_lit_unevenly_is_flattened_without_cutting():
    sheet = printed_sheet()
    light = light_falling_off(sheet.size, darkest=0.45)
    photo = Image.fromarray((np.asarray(sheet, dtype=np.float32) * light[..., None]).astype(np.uint8))
    page, prepared = prepare_photo(photo)
    assert prepared is not None and prepared.corners is None
    assert page.size == photo.size


def test_a_flat_bed_page_is_no_photo_and_comes_back_untouched():
    scan = printed_sheet(3)
    scan = scan.filter(ImageFilter.GaussianBlur(0.6))
    before = scan.tobytes()
    page, prepared = prepare_photo(scan)
    assert prepared is None and page is scan and page.tobytes() == before


@pytest.mark.parametrize("make", [
    lambda: Image.new("RGB", (300, 400), (128, 128, 128)),  # a grey card: no paper, no desk
    lambda: Image.new("RGB", (300, 400), "black"),
    lambda: Image.new("L", (5, 7), 255),  # tiny
    lambda: Image.new("RGB", (1, 1), "white"),
    lambda: Image.new("RGB", (2000, 3), "white"),
    lambda: Image.effect_noise((320, 240), 80).convert("RGB"),  # no sheet anywhere
    lambda: Image.new("1", (200, 300), 1),
])
def test_a_photo_with_no_findable_sheet_falls_back_to_the_image_as_it_is(make):
    image = make()
    page, prepared = prepare_photo(image)
    assert prepared is None or prepared.corners is None
    if prepared is None:
        assert page is image
    else:
        assert page.size == image.size


def test_a_dark_region_that_is_no_sheet_is_not_cut_out():
    """A bright blob (a lamp, a window) on a dark ground is no sheet: its edges are no four lines."""
    image = Image.new("RGB", (400, 500), (60, 50, 40))
    ImageDraw.Draw(image).ellipse((60, 80, 340, 420), fill=(240, 240, 235))
    _page, prepared = prepare_photo(image)
    assert prepared is None or prepared.corners is None


def test_a_sheet_turned_half_a_degree_keeps_its_turn():
    """Neighbouring points of an edge sit a block apart: fitted pair by pair, a slight turn reads as
    none and a corner is off by a block."""
    import math

    big = printed_sheet().resize((840, 1188))
    turn = math.radians(0.5)
    centre = (560, 750)
    corners = []
    for x, y in ((-400, -560), (400, -560), (400, 560), (-400, 560)):
        corners.append((centre[0] + x * math.cos(turn) - y * math.sin(turn),
                        centre[1] + x * math.sin(turn) + y * math.cos(turn)))
    _page, prepared = prepare_photo(photographed(big, corners, frame=(1120, 1500)))
    assert prepared is not None and prepared.corners is not None
    found_turn = math.atan2(prepared.corners[1][1] - prepared.corners[0][1], prepared.corners[1][0] - prepared.corners[0][0])
    assert abs(math.degrees(found_turn) - 0.5) < 0.2

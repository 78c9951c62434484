"""The visual confusion table: glyph shapes compared in print, and the committed file is what the script makes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.clean.ocr import DATA_DIR
from tests.support.paths import load_script

SCRIPT = DATA_DIR / "make_visual_confusions.py"
FONTS_THERE = all(Path(font).is_file() for font in (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
pytest.importorskip("numpy")
needs_fonts = pytest.mark.skipif(not FONTS_THERE, reason="fonts-liberation2 and fonts-dejavu-core not installed")


@pytest.fixture(scope="module")
def script():
    return load_script(SCRIPT)


def test_printed_units_are_letters_and_runs_vietnamese_spelling_writes(script):
    units = set(script.printed_units())
    assert {"m", "đ", "ư", "ch", "nh", "tr", "ngh", "ươn"} <= units
    assert "á" not in units  # tones are the repair's mark cost, not shapes
    assert "fz" not in units and "pq" not in units


def test_read_units_never_carry_marks_on_both_letters(script):
    read = set(script.read_units())
    assert {"ở", "rn", "ìh"} <= read
    assert "ởở" not in read


@pytest.mark.parametrize("read, printed, kept", [
    ("rn", "m", True),
    ("á", "a", False),  # marks only: priced by the repair's mark cost
    ("ơ", "o", False),
    ("ma", "na", False),  # a letter in the same place: a one-letter confusion
    ("ab", "a", False),  # a letter added: the generic edits price it
])
def test_only_confusions_no_smaller_one_explains_are_kept(script, read, printed, kept):
    assert script.worth_keeping(read, printed) is kept


@needs_fonts
def test_shapes_alike_in_print_score_higher_than_shapes_unlike(script):
    printed, read = ["m", "h", "d"], ["ni", "li", "ở", "x", "o"]
    table = script.similarities(printed, read)
    assert table[0, 0] > 0.9 and table[0, 0] > table[0, 3]  # m ~ ni, not x
    assert table[1, 1] > table[1, 4]  # h ~ li, not o
    assert table[2, 2] > table[2, 3]  # d ~ ở (bowl and ascender, a stroke above), not x
    assert ((0 <= table) & (table <= 1.0001)).all()


@needs_fonts
def test_committed_table_is_what_the_script_makes(tmp_path):
    out = tmp_path / "visual_confusions.tsv"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (DATA_DIR / "visual_confusions.tsv").read_bytes()

"""Regenerate visual_confusions.tsv: which runs of letters look like which, in print.

    .venv/bin/python build_tools/data/ocr/make_visual_confusions.py [--out DIR]

An engine-independent channel for OCR repair. Engines other than Tesseract garble print in
ways that follow the shapes of the glyphs, not any one engine: two letters merged into one
marked letter, a consonant pair read as two other letters with marks, a stroke read as a
mark. Here every *printed* unit (a letter, or a run of two or three letters that Vietnamese
spelling writes: the letter n-grams of the syllables of ``data/syllables.yml``) is drawn in
the serif fonts Vietnamese offices print with (Liberation Serif 2, metric-compatible with
Times New Roman, and DejaVu Serif; Debian's fonts-liberation2, fonts-dejavu-core), and so is
every *read* unit (a Vietnamese letter with any marks, or two of them, one marked at most).
Each drawing is cut to its ink across and split into three zones: above the x-height (marks,
ascenders), the x-height band, below the baseline (descenders); each zone is scaled to
``COLUMNS`` columns and blurred a little. Two units are alike by the mean over the zones of:
the correlation of their x-height bands; above and below, the ratio of their ink (an engine
sees *that* a stroke is there, an ascender stub or a tone mark, more than its shape); a zone
empty in both counts as alike, ink in one only as unlike; lowered as their widths differ,
averaged over the fonts. For each printed unit the
most alike read units are kept, and for each read unit the most alike printed ones
(``KEEP`` each, at least ``MIN_SIMILARITY``), leaving out pairs that differ only in marks
(the repair prices those itself: ``mark_cost``, tesseract.yml) or that share a letter in the
same place (a smaller confusion explains them).

Columns: read (what OCR wrote), printed (what the page had), similarity (0-1). The repair
(clean/ocr.py) turns similarity into a cost with ``visual_cost_*`` of confusions.yml and
offers these confusions to non-words only. Nothing here comes from any OCR output.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from build_tools.vietnamese.fold import unmarked as fold  # noqa: E402
from build_tools.vietnamese.syllables import is_syllable, letter_parts, tables  # noqa: E402

OUT = Path(__file__).resolve().parent / "visual_confusions.tsv"
FONTS = ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
PIXELS = 48  # glyph size drawn
COLUMNS = 24  # columns every unit's zones are scaled to
WIDTH_PENALTY = 1.5  # similarity × exp(-this × |ln(width ratio)|)
KEEP = 3  # most alike units kept per printed unit and per read unit
MIN_SIMILARITY = 0.80


def printed_units() -> list[str]:
    """Letters, and the runs of two and three letters written inside Vietnamese syllables
    (every onset with every rhyme of the syllable table, tone left off)."""
    table = tables()
    units = {letter for letter in table["letters"] if letter_parts(letter)[2] == ""}  # no tone
    for onset in table["onsets"]:
        for rhyme in table["rhymes"]:
            spelling = onset + rhyme
            if not is_syllable(spelling):
                continue
            for size in (2, 3):
                units.update(spelling[i:i + size] for i in range(len(spelling) - size + 1))
    return sorted(units)


def read_units() -> list[str]:
    """What OCR may write for them: any Vietnamese letter with its marks, alone or two together."""
    letters = sorted(tables()["letters"])
    # two letters with marks on both are no shape of print: a glyph's strokes gain one mark at most
    return letters + [a + b for a in letters for b in letters if fold(a) == a or fold(b) == b]


ZONES = (("above", 14), ("body", 16), ("below", 8))  # rows each vertical zone is scaled to
EMPTY = 0.02  # a zone with less ink than this share of its frame holds nothing


def _zone_rows(path: str) -> tuple[ImageFont.FreeTypeFont, int, list[tuple[int, int]]]:
    """The font, the drawing's height and the rows of its three zones: marks and ascenders above
    the x-height, the x-height band, the descenders below the baseline."""
    face = ImageFont.truetype(path, PIXELS)
    ascent, descent = face.getmetrics()
    top = PIXELS // 3  # room for stacked marks above the ascent
    x_top = top + face.getbbox("x", anchor="ls")[1] + ascent
    baseline = top + ascent
    height = baseline + descent
    return face, top, [(0, x_top), (x_top, baseline), (baseline, height)]


def glyph_frames(units: list[str], path: str) -> tuple[list[np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
    """Each unit drawn in one font: per zone its frame (flattened, zero mean, unit length), which
    zones hold ink and how much, and its ink width over the font's height."""
    face, top, rows = _zone_rows(path)
    height = rows[-1][1]
    frames = [np.zeros((len(units), COLUMNS * size), dtype=np.float32) for _, size in ZONES]
    inked = np.zeros((len(units), len(ZONES)), dtype=bool)
    mass = np.zeros((len(units), len(ZONES)), dtype=np.float32)
    widths = np.zeros(len(units), dtype=np.float32)
    for k, unit in enumerate(units):
        image = Image.new("L", (PIXELS * 4, height), 255)
        ImageDraw.Draw(image).text((PIXELS // 2, top), unit, font=face, fill=0)
        ink = 255 - np.asarray(image, dtype=np.float32)
        columns = np.nonzero(ink.max(axis=0) > 64)[0]
        if len(columns) == 0:
            continue
        left, right = int(columns[0]), int(columns[-1]) + 1
        widths[k] = (right - left) / height
        for z, ((start, end), (_name, size)) in enumerate(zip(rows, ZONES)):
            zone = ink[start:end, left:right]
            inked[k, z] = zone.mean() / 255 > EMPTY
            mass[k, z] = zone.sum() / 255 / height ** 2
            cut = Image.fromarray(zone.astype(np.uint8))
            scaled = cut.resize((COLUMNS, size), Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.0))
            vector = np.asarray(scaled, dtype=np.float32).ravel()
            vector -= vector.mean()
            norm = float(np.linalg.norm(vector))
            frames[z][k] = vector / norm if norm else vector
    return frames, inked, mass, widths


def similarities(printed: list[str], read: list[str]) -> np.ndarray:
    """Mean over the fonts of the zones' mean correlation × width agreement, printed × read. A zone
    empty in both counts as alike, ink in one only as unlike: a mark or an ascender is no detail."""
    total = np.zeros((len(printed), len(read)), dtype=np.float32)
    for path in FONTS:
        a, ia, ma, wa = glyph_frames(printed, path)
        b, ib, mb, wb = glyph_frames(read, path)
        zones = np.zeros_like(total)
        for z in range(len(ZONES)):
            both = ia[:, z][:, None] & ib[:, z][None, :]
            neither = ~ia[:, z][:, None] & ~ib[:, z][None, :]
            if ZONES[z][0] == "body":
                alike = np.clip(a[z] @ b[z].T, 0.0, 1.0)
            else:  # above and below the x-height an engine sees *that* a stroke is there (an ascender
                # stub, a tone mark, a descender) more than its shape: ink against ink, by amount
                alike = np.minimum(ma[:, z][:, None], mb[:, z][None, :]) / np.maximum(
                    np.maximum(ma[:, z][:, None], mb[:, z][None, :]), 1e-6)
            zones += np.where(both, alike, 0.0) + neither
        ratio = np.abs(np.log(np.maximum(wa[:, None], 1e-3) / np.maximum(wb[None, :], 1e-3)))
        total += zones / len(ZONES) * np.exp(-WIDTH_PENALTY * ratio)
    return total / len(FONTS)


def worth_keeping(read: str, printed: str) -> bool:
    """A confusion no smaller one explains: the spellings differ beyond marks, and no letter
    stands in the same place in both (that would be a one-letter confusion)."""
    if read == printed or fold(read) == fold(printed):
        return False
    if len(read) == len(printed) and any(fold(x) == fold(y) for x, y in zip(read, printed)):
        return False
    if len(read) != len(printed) and (fold(read)[0] == fold(printed)[0] or fold(read)[-1] == fold(printed)[-1]):
        return False  # "ab" for "a": a letter added, which the generic edits already price
    return True


def _nearest(values, allowed) -> list[int]:
    """The indices of the ``KEEP`` highest ``values`` at or above ``MIN_SIMILARITY`` whose pair is
    ``allowed(index)`` (best first): a run's closest look-alikes, in both directions of the table."""
    found: list[int] = []
    for index in np.argsort(-values, kind="stable"):
        if values[index] < MIN_SIMILARITY or len(found) >= KEEP:
            break
        if allowed(int(index)):
            found.append(int(index))
    return found


def confusions(printed: list[str], read: list[str]) -> list[tuple[str, str, float]]:
    """The kept (read, printed, similarity) triples, most alike first."""
    table = similarities(printed, read)
    kept: dict[tuple[str, str], float] = {}
    for i in range(len(printed)):
        for j in _nearest(table[i], lambda j: worth_keeping(read[j], printed[i])):
            kept[(read[j], printed[i])] = float(table[i, j])
    for j in range(len(read)):
        for i in _nearest(table[:, j], lambda i: worth_keeping(read[j], printed[i])):
            kept[(read[j], printed[i])] = float(table[i, j])
    return sorted(((r, p, round(s, 3)) for (r, p), s in kept.items()), key=lambda x: (-x[2], x[0], x[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    printed, read = printed_units(), read_units()
    rows = confusions(printed, read)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# GENERATED by build_tools/data/ocr/make_visual_confusions.py: {len(printed)} printed units "
                     f"× {len(read)} read units, fonts {', '.join(Path(f).stem for f in FONTS)}; "
                     f"similarity ≥ {MIN_SIMILARITY}, {KEEP} best each way\n")
        handle.write("# read\tprinted\tsimilarity\n")
        for read_unit, printed_unit, value in rows:
            handle.write(f"{read_unit}\t{printed_unit}\t{value:.3f}\n")
    print(f"{len(rows)} confusions ({len(printed)} printed units, {len(read)} read units) → {args.out}")


if __name__ == "__main__":
    main()

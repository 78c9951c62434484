"""The stamp and the signature found by their shape, for scans without colour.

Photocopies and 1-bit scans (faxes, the black-and-white PDFs many provincial portals publish)
print the red seal and the blue signature as dark as the text, so ``ocr.ink_regions`` finds
nothing by colour and the words Tesseract reads in the seal's ring and the signature's strokes
pass for print. Here they are found by what they look like:

* the seal (``stamp_rings``): a ring of ink the size of an official seal (Nghị định 30/2020
  Phụ lục: round seals 35-42 mm across; ``RING_RADIUS_MM`` allows for smaller ones and for the
  blur of a copy). On a coarse grid of "any ink in this cell", the ring's circle is nearly all
  ink while the circle just outside it is mostly paper; a circle drawn through body text finds
  about as much ink just outside as on it. Every twelfth of the ring must hold ink, so a curve
  of print cannot pass for half a ring.
* the signature (``signature_boxes``): strokes near a seal that are taller than a line of print
  and fill little of their box (a flourish), where print is short and dense.

Both are measured on the page image (0.1-0.5 s a page) and returned as boxes in the image's
pixels, the same shape as ``ocr.ink_regions``; the page itself is not changed.
"""
from __future__ import annotations

import math

GRID_CELLS_ACROSS = 250  # the coarse grid: a cell is about 0.85 mm of an A4 page
FINE_CELLS_ACROSS = 420  # the signature's grid: a cell is about 0.5 mm
INK_BELOW_PAPER = 90  # a pixel this much darker than the paper (its 90th percentile) is ink
RING_RADIUS_MM = (13.0, 24.0)
OUTSIDE_MM = 2.5  # the circle compared with the ring: this much further out
RING_INK = 0.75  # share of the ring's circle that is ink
RING_CONTRAST = 0.45  # ... above the share on the circle just outside
SECTORS = 12
SECTOR_INK = 0.4  # each sector of the ring at least this much ink
SECTORS_NEEDED = 10
RING_PIXELS_INKED = 0.3  # a circle at least this much ink at full resolution is part of a ring
ERASE_MARGIN = 1  # pixels lifted either side of such a circle
SIGNATURE_MIN_MM = 7.0  # a stroke group at least this tall (two lines of 13-14 pt print)
SIGNATURE_FILL = 0.35  # ... that fills at most this share of its box on the fine grid
SHAPE_METHOD = (f"rings{RING_RADIUS_MM[0]:g}-{RING_RADIUS_MM[1]:g}mm;grid{GRID_CELLS_ACROSS};"
                f"ink{RING_INK:g}-{RING_CONTRAST:g};sectors{SECTORS_NEEDED}/{SECTORS};"
                f"signature>{SIGNATURE_MIN_MM:g}mm,fill<{SIGNATURE_FILL:g};rings-lifted>{RING_PIXELS_INKED:g}")


def shape_regions(grey, dpi: float | None, rings: list[tuple[int, int, int]] | None = None) -> list[list[int]]:
    """Boxes (left, top, right, bottom) of each seal found by shape (or given as ``rings``) and
    of the signature strokes beside it; [] when the page has no seal (a signature alone is not
    looked for: a tall sparse stroke elsewhere is as likely a rule or a table)."""
    if rings is None:
        rings = stamp_rings(grey, dpi) if dpi and grey.width >= 200 else []
    boxes = []
    for cx, cy, radius in rings:
        boxes.append([max(0, cx - radius), max(0, cy - radius), cx + radius, cy + radius])
        boxes += signature_boxes(grey, dpi, (cx, cy, radius))
    return boxes


def erase_rings(grey, rings: list[tuple[int, int, int]]):
    """A copy of the page with each seal's rings lifted to paper. Tesseract takes a seal drawn
    over the signer's title for a picture and reads nothing there; without its rings it reads
    the title (the letters around the ring and the star stay: print runs through that band).
    The rings' exact centre, radius and width are measured on the page (``ring_radii``)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(grey.convert("L"), dtype=np.uint8).copy()
    dark = pixels < float(np.percentile(pixels, 90)) - INK_BELOW_PAPER
    rows, cols = pixels.shape
    for ring in rings:
        cx, cy, radii = ring_radii(dark, ring, max(1, round(cols / GRID_CELLS_ACROSS)))
        top, bottom = max(0, cy - ring[2] - 2 * ERASE_MARGIN), min(rows, cy + ring[2] + 2 * ERASE_MARGIN + 1)
        left, right = max(0, cx - ring[2] - 2 * ERASE_MARGIN), min(cols, cx + ring[2] + 2 * ERASE_MARGIN + 1)
        yy, xx = np.mgrid[top:bottom, left:right]
        distance = np.hypot(xx - cx, yy - cy)
        lifted = np.zeros(distance.shape, dtype=bool)
        for radius in radii:
            lifted |= np.abs(distance - radius) <= ERASE_MARGIN
        pixels[top:bottom, left:right][lifted] = 255
    return Image.fromarray(pixels, "L")


def ring_radii(dark, ring: tuple[int, int, int], cell: int) -> tuple[int, int, list[int]]:
    """The seal's centre at full resolution (the circle nearest ``ring`` with most ink on it) and
    the radii, from half the seal's radius out, where a circle is mostly ink: the outer ring,
    an inner ring if the seal has one, each a few pixels wide."""
    import numpy as np

    angles = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    cosines, sines = np.cos(angles), np.sin(angles)
    rows, cols = dark.shape

    def share(x: int, y: int, radius: int) -> float:
        xs = np.clip(np.rint(x + radius * cosines).astype(int), 0, cols - 1)
        ys = np.clip(np.rint(y + radius * sines).astype(int), 0, rows - 1)
        return float(dark[ys, xs].mean())

    cx, cy, radius = ring
    offsets = range(-cell, cell + 1, 2)
    _, cx, cy, radius = max((share(cx + dx, cy + dy, r), cx + dx, cy + dy, r)
                            for dx in offsets for dy in offsets for r in range(radius - 2 * cell, radius + cell + 1))
    radii = [r for r in range(radius // 2, radius + 2 * cell) if share(cx, cy, r) >= RING_PIXELS_INKED]
    return cx, cy, radii


def ink_grid(grey, cells_across: int):
    """A boolean grid of the page: True where a cell holds any ink; and the cell's size in pixels."""
    import numpy as np

    pixels = np.asarray(grey, dtype=np.uint8)
    cell = max(1, round(pixels.shape[1] / cells_across))
    rows, cols = pixels.shape[0] // cell, pixels.shape[1] // cell
    darkest = pixels[:rows * cell, :cols * cell].reshape(rows, cell, cols, cell).min(axis=(1, 3))
    paper = float(np.percentile(pixels, 90))
    return darkest < paper - INK_BELOW_PAPER, cell


def _circle(radius: float, half: int):
    """A one-cell-wide circle of ``radius`` cells in a square kernel of side 2 * half + 1."""
    import numpy as np

    y, x = np.mgrid[-half:half + 1, -half:half + 1]
    ring = (np.abs(np.hypot(x, y) - radius) < 0.75).astype(float)
    return ring / ring.sum()


def stamp_rings(grey, dpi: float) -> list[tuple[int, int, int]]:
    """Seals on the page as (centre x, centre y, radius) in pixels, strongest first."""
    import numpy as np

    ink, cell = ink_grid(grey, GRID_CELLS_ACROSS)
    per_mm = dpi / 25.4 / cell
    radii = range(max(3, round(RING_RADIUS_MM[0] * per_mm)), round(RING_RADIUS_MM[1] * per_mm) + 1)
    outside = max(1, round(OUTSIDE_MM * per_mm))
    half = radii[-1] + outside + 1
    rows, cols = ink.shape
    shape = (rows + 2 * half + 1, cols + 2 * half + 1)
    spectrum = np.fft.rfft2(ink.astype(float), shape)

    def share_on(radius: int):  # share of ink on the circle of ``radius`` around each cell
        full = np.fft.irfft2(spectrum * np.fft.rfft2(_circle(radius, half), shape), shape)
        return full[half:half + rows, half:half + cols]

    found = []
    shares = {r: share_on(r) for r in range(radii[0], radii[-1] + outside + 1)}
    for radius in radii:
        on, beyond = shares[radius], shares[radius + outside]
        candidates = (on >= RING_INK) & (on - beyond >= RING_CONTRAST)
        for y, x in zip(*np.nonzero(candidates)):
            found.append((float(on[y, x] - beyond[y, x]), int(x), int(y), radius))
    rings = []
    for score, x, y, radius in sorted(found, reverse=True):
        if any(math.hypot(x - ox, y - oy) < radius + oradius for _, ox, oy, oradius in rings):
            continue  # the same seal at a neighbouring centre or radius
        if _sectors_inked(ink, x, y, radius) >= SECTORS_NEEDED:
            rings.append((score, x, y, radius))
    return [(round((x + 0.5) * cell), round((y + 0.5) * cell), round((radius + 0.5) * cell))
            for _, x, y, radius in rings]


def _sectors_inked(ink, x: int, y: int, radius: int) -> int:
    """How many of the ring's ``SECTORS`` have at least ``SECTOR_INK`` of their arc inked."""
    rows, cols = ink.shape
    steps = max(SECTORS * 4, round(2 * math.pi * radius))
    hits = [0] * SECTORS
    for k in range(steps):
        angle = 2 * math.pi * k / steps
        px, py = round(x + radius * math.cos(angle)), round(y + radius * math.sin(angle))
        inked = 0 <= py < rows and 0 <= px < cols and any(
            ink[py + dy, px + dx] for dy in (-1, 0, 1) for dx in (-1, 0, 1)
            if 0 <= py + dy < rows and 0 <= px + dx < cols)
        hits[k * SECTORS // steps] += inked
    per_sector = steps / SECTORS
    return sum(1 for h in hits if h >= SECTOR_INK * per_sector)


def signature_boxes(grey, dpi: float, ring: tuple[int, int, int]) -> list[list[int]]:
    """Boxes of the stroke groups near a seal that are taller than print and sparse: the
    signature (it sits over or beside the seal, between the signer's title and name)."""
    ink, cell = ink_grid(grey, FINE_CELLS_ACROSS)
    cx, cy, radius = (round(v / cell) for v in ring)
    rows, cols = ink.shape
    left, right = max(0, cx - 2 * radius), min(cols, cx + 3 * radius)
    top, bottom = max(0, cy - radius), min(rows, cy + 2 * radius)
    window = ink[top:bottom, left:right].copy()
    _erase_ring(window, cx - left, cy - top, radius)
    width = right - left
    cells = {int(k) for k in window.ravel().nonzero()[0]}
    tall = SIGNATURE_MIN_MM * dpi / 25.4 / cell
    boxes = []
    for group in _components(cells, width):
        ys, xs = [k // width for k in group], [k % width for k in group]
        height, breadth = max(ys) - min(ys) + 1, max(xs) - min(xs) + 1
        if height >= tall and len(group) <= SIGNATURE_FILL * height * breadth:
            boxes.append([(left + min(xs)) * cell, (top + min(ys)) * cell,
                          (left + max(xs) + 1) * cell, (top + max(ys) + 1) * cell])
    return boxes


def _erase_ring(window, x: int, y: int, radius: int) -> None:
    """Clear the seal's ring (and a cell either side) so that strokes touching it stay apart."""
    import numpy as np

    rows, cols = window.shape
    yy, xx = np.mgrid[0:rows, 0:cols]
    window[np.abs(np.hypot(xx - x, yy - y) - radius) <= 2.0] = False


def _components(cells: set[int], cols: int) -> list[list[int]]:
    from .ocr import _components as components

    return components(cells, cols)

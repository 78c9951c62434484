"""Phone photos of paper → a flat, upright page, before the scan steps of ``ocr.py`` run.

    page, photo = prepare_photo(image)   # photo: a PhotoPreparation, None for a flat-bed scan

Many notices survive only as photos of the printed sheet. A phone shows the sheet on a desk
(it does not fill the frame), off-axis (a trapezium, not a rectangle), turned a little, and lit
unevenly (a window on one side, the shadow of a hand, darker corners), with a colour cast.
Tesseract binarises a page with one threshold and reads lines it expects straight: the dark
half of an unevenly lit page goes black, a trapezium's lines slope differently across it.

Both are undone here, only for photos. The sheet is bright paper against a darker background:
the frame's brightness is taken per block (the block's brightest pixels, so that print does
not count) and the bright region around the centre is the sheet (``find_sheet``); its four
edges are fitted as straight lines, robustly (a shadow may dent one), and their crossings are
the corners. The perspective is undone to a rectangle of the sheet's own size in pixels
(Pillow's ``Image.transform`` with coefficients solved by numpy), then the light is evened by
dividing each channel by a smooth estimate of the paper's brightness (``flatten_light``), which
also takes out the cast. A flat-bed scan is paper to its edges and evenly lit: it is returned
as it came, the same object, and nothing is recorded.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SMALLEST_PHOTO = 64  # pixels on the shorter side: smaller is no photo of a page (an icon, a fragment)
# Looking for the sheet: the frame cut into about ``SHEET_BLOCKS`` blocks along its long side.
SHEET_BLOCKS = 160
PAPER_PERCENTILE = 95  # the paper's brightness: this percentile of the blocks' brightness
DARK_CLASS_RATIO = 0.65  # background is darker than this share of the paper (a desk against the sheet)
BACKGROUND_SHARE = 0.02  # at least this share of the frame outside the sheet: it does not fill the frame
SMALLEST_SHEET = 0.25  # a sheet covers at least this share of the frame, else none was found
QUAD_FILL = 0.93  # the sheet's region fills at least this share of the fitted quadrilateral
EDGE_INSET = 0.25  # blocks: the sheet is cut this far inside its edges as found
EDGE_REACH = 2.5  # blocks either side of an edge where paper and background are compared
CORNER_ANGLES = (70.0, 110.0)  # degrees: a sheet seen slightly off-axis keeps corners near square
# Brightness of paper across a scan varies by a few per cent; a photo's falls off far more.
UNEVEN_LIGHT = 0.80  # the paper's 5th percentile brightness below this share of its 95th: a photo
# Evening the light: the page cut into about ``LIGHT_BLOCKS`` blocks along its long side, the
# paper's brightness in each block its ``LIGHT_PERCENTILE`` (print is dark, paper the bright rest).
LIGHT_BLOCKS = 60
LIGHT_PERCENTILE = 90
PHOTO_METHOD = (f"photo:sheet{SHEET_BLOCKS}blocks,p{PAPER_PERCENTILE},dark<{DARK_CLASS_RATIO:g},"
                f"outside>{BACKGROUND_SHARE:g},uneven<{UNEVEN_LIGHT:g};"
                f"inset{EDGE_INSET:g};perspective;flatten{LIGHT_BLOCKS}blocks,p{LIGHT_PERCENTILE}")


@dataclass(frozen=True)
class PhotoPreparation:
    """What was done to a photo: the sheet's corners in it (top left, top right, bottom right,
    bottom left; None when the paper fills the frame and only the light was evened), the photo's
    size and the prepared page's size."""

    corners: tuple[tuple[int, int], ...] | None
    photo_size: tuple[int, int]
    page_size: tuple[int, int]

    def record(self) -> dict:
        return {"corners": [list(c) for c in self.corners] if self.corners else None,
                "photo_size": list(self.photo_size), "page_size": list(self.page_size)}


def prepare_photo(image):
    """(page, PhotoPreparation) for a photo of paper: the sheet cut out and its perspective undone,
    its light evened. A flat-bed scan (or anything that is no photo) comes back as it is, with None;
    so does a photo whose sheet cannot be found and whose light is even."""
    if min(image.size) < SMALLEST_PHOTO:
        return image, None
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    blocks, step = paper_brightness(grey, SHEET_BLOCKS, spread=False)  # not spread: the sheet's edges stay put
    corners = find_sheet(blocks, step, grey)
    uneven = lit_unevenly(_neighbour_max(blocks), corners, step)
    if corners is None and not uneven:
        return image, None
    page = rectify(image, corners) if corners is not None else image.convert("RGB")
    page = flatten_light(page)
    rounded = tuple((round(x), round(y)) for x, y in corners) if corners is not None else None
    return page, PhotoPreparation(rounded, image.size, page.size)


# --- the paper's brightness -------------------------------------------------------------------


def paper_brightness(grey: np.ndarray, blocks: int, percentile: float | None = None,
                     spread: bool = True) -> tuple[np.ndarray, int]:
    """(brightness per block, block size in pixels): each block's brightest pixel (or its
    ``percentile``), then (``spread``) the brightest of each block's neighbours, so that no block
    of paper reads dark because print covers it."""
    step = max(2, round(max(grey.shape) / blocks))
    rows, cols = max(1, grey.shape[0] // step), max(1, grey.shape[1] // step)
    cells = grey[:rows * step, :cols * step].reshape(rows, step, cols, step).transpose(0, 2, 1, 3)
    cells = cells.reshape(rows, cols, step * step)
    if percentile is None:
        values = cells.max(axis=2)
    else:
        k = min(step * step - 1, round(step * step * percentile / 100))
        values = np.partition(cells, k, axis=2)[:, :, k]
    return (_neighbour_max(values) if spread else values), step


def _neighbour_max(values: np.ndarray) -> np.ndarray:
    padded = np.pad(values, 1, mode="edge")
    shifted = [padded[1 + dy:1 + dy + values.shape[0], 1 + dx:1 + dx + values.shape[1]]
               for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return np.max(shifted, axis=0)


def _neighbour_min(values: np.ndarray) -> np.ndarray:
    padded = np.pad(values, 1, mode="edge")
    shifted = [padded[1 + dy:1 + dy + values.shape[0], 1 + dx:1 + dx + values.shape[1]]
               for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return np.min(shifted, axis=0)


def lit_unevenly(blocks: np.ndarray, corners, step: int) -> bool:
    """Whether the paper's brightness falls off beyond what a scanner's lamp gives: its 5th
    percentile under ``UNEVEN_LIGHT`` of its 95th (on the sheet, when one was found; inside a
    margin of the frame, when none was: the frame's edge may be anything)."""
    if corners is not None:
        inside = _inside_quad(blocks.shape, [(x / step, y / step) for x, y in corners], shrink=0.05)
    else:
        inside = np.zeros(blocks.shape, dtype=bool)
        rows, cols = blocks.shape
        inside[rows // 10:rows - rows // 10, cols // 10:cols - cols // 10] = True
    values = blocks[inside]
    if values.size < 16:
        return False
    low, high = np.percentile(values, [5, 95])
    return bool(high > 0 and low < UNEVEN_LIGHT * high)


# --- finding the sheet ------------------------------------------------------------------------


def find_sheet(blocks: np.ndarray, step: int, grey: np.ndarray) -> list[tuple[float, float]] | None:
    """The sheet's corners in pixels of the photo (top left, top right, bottom right, bottom left),
    or None: the paper fills the frame (a scan, a close-up), or no sheet-shaped bright region
    stands out from a darker background. ``blocks`` (of ``step`` pixels) find the sheet; each
    point of its outline is then placed to the pixel on ``grey``, the photo itself."""
    found = _sheet_region(blocks)
    if found is None:
        return None
    sheet, threshold = found
    lines = _edge_lines(sheet, grey, step, threshold)
    if lines is None:
        return None
    inset = EDGE_INSET * step  # the edge's blur and the desk's texture: a little margin is given up
    (a, b), (c, d), (e, f), (g, h) = lines
    top, right, bottom, left = (a, b + inset), (c, d - inset), (e, f - inset), (g, h + inset)
    corners = [_crossing(top, left), _crossing(top, right), _crossing(bottom, right), _crossing(bottom, left)]
    if any(c is None for c in corners):
        return None
    in_blocks = [(x / step - 0.5, y / step - 0.5) for x, y in corners]
    if not _sheet_shaped(in_blocks, sheet) or not _sharp_edges(blocks, in_blocks):
        return None
    return corners


def _sheet_region(blocks: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The bright region holding the frame's centre and the brightness between paper and
    background, when the frame also holds a clearly darker background (else None: a scan's paper
    reaches its edges)."""
    threshold = _otsu(blocks)
    bright, dark = blocks[blocks > threshold], blocks[blocks <= threshold]
    if not bright.size or not dark.size or dark.mean() > DARK_CLASS_RATIO * np.percentile(bright, PAPER_PERCENTILE):
        return None
    mask = _neighbour_min(_neighbour_max((blocks > threshold).astype(np.uint8)))  # closed: print gaps filled
    sheet = _component_at_centre(mask.astype(bool))
    if sheet is None:
        return None
    share = sheet.mean()
    if share > 1 - BACKGROUND_SHARE or share < SMALLEST_SHEET:
        return None
    return sheet, threshold


def _otsu(values: np.ndarray) -> float:
    """The threshold that best splits the values into two classes (Otsu's method)."""
    histogram, edges = np.histogram(values, bins=64, range=(0, 256))
    weights = histogram.astype(float) / max(1, histogram.sum())
    centres = (edges[:-1] + edges[1:]) / 2
    below = np.cumsum(weights)
    mean_below = np.cumsum(weights * centres)
    total = mean_below[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total * below - mean_below) ** 2 / (below * (1 - below))
    between[~np.isfinite(between)] = 0
    return float(edges[int(np.argmax(between)) + 1])


def _component_at_centre(mask: np.ndarray) -> np.ndarray | None:
    """The connected region of ``mask`` nearest the centre (4-neighbours), with its holes filled."""
    from PIL import Image, ImageDraw

    rows, cols = mask.shape
    ys, xs = np.nonzero(mask)
    if not ys.size:
        return None
    nearest = int(np.argmin((ys - rows / 2) ** 2 + (xs - cols / 2) ** 2))
    picture = Image.fromarray(mask.astype(np.uint8) * 255).copy()  # a copy: floodfill leaves a shared buffer as it was
    ImageDraw.floodfill(picture, (int(xs[nearest]), int(ys[nearest])), 128)
    region = np.asarray(picture) == 128
    # holes (a dark photo, a shadow inside the sheet): everything not reachable from the border
    outside = Image.fromarray(np.pad(~region, 1, constant_values=True).astype(np.uint8) * 255).copy()
    ImageDraw.floodfill(outside, (0, 0), 128)
    return ~(np.asarray(outside)[1:-1, 1:-1] == 128)


def _edge_lines(sheet: np.ndarray, grey: np.ndarray, step: int, threshold: float):
    """The sheet's four edges as lines in pixels, fitted to its outline (top, right, bottom, left):
    each as (a, b) with y = a·x + b for top and bottom, x = a·y + b for left and right."""
    rows, cols = sheet.shape
    has_row, has_col = sheet.any(axis=1), sheet.any(axis=0)
    ys, xs = np.nonzero(has_row)[0], np.nonzero(has_col)[0]
    if ys.size < 8 or xs.size < 8:
        return None
    first_y = sheet.argmax(axis=0)
    last_y = rows - 1 - sheet[::-1].argmax(axis=0)
    first_x = sheet.argmax(axis=1)
    last_x = cols - 1 - sheet[:, ::-1].argmax(axis=1)
    # the middle of each side: near the corners an edge meets the next one
    x_span, y_span = _middle(xs), _middle(ys)
    across = grey.T  # columns as rows: the left and right edges are found like the top and bottom
    top = [_edge_pixel(grey, x, first_y[x], step, threshold, True) for x in x_span]
    bottom = [_edge_pixel(grey, x, last_y[x], step, threshold, False) for x in x_span]
    left = [_edge_pixel(across, y, first_x[y], step, threshold, True) for y in y_span]
    right = [_edge_pixel(across, y, last_x[y], step, threshold, False) for y in y_span]
    xs_px, ys_px = (x_span + 0.5) * step, (y_span + 0.5) * step
    lines = [_robust_line(xs_px, np.array(top)), _robust_line(ys_px, np.array(right)),
             _robust_line(xs_px, np.array(bottom)), _robust_line(ys_px, np.array(left))]
    return None if any(line is None for line in lines) else lines


def _edge_pixel(grey: np.ndarray, column: int, block: int, step: int, threshold: float, first: bool) -> float:
    """Where the paper begins (``first``) or ends in a column of blocks, to the pixel: the block
    where it does, and one either side, averaged across the column's width; the first (or last)
    row brighter than ``threshold``. The block's centre when no row is."""
    top = max(0, (block - 1) * step)
    profile = grey[top:(block + 2) * step, column * step:(column + 1) * step].mean(axis=1)
    bright = np.nonzero(profile > threshold)[0]
    if not bright.size:
        return (block + 0.5) * step
    return float(top + bright[0]) if first else float(top + bright[-1] + 1)


def _middle(indices: np.ndarray) -> np.ndarray:
    low, high = indices.min(), indices.max()
    margin = (high - low) * 0.12
    return indices[(indices >= low + margin) & (indices <= high - margin)]


def _robust_line(t: np.ndarray, values: np.ndarray) -> tuple[float, float] | None:
    """values ≈ a·t + b, robustly: the slope is the median over pairs half the edge apart (each
    point of the first half with its partner in the second), the intercept the median residual.
    A shadow or a thumb denting part of an edge does not pull the line, and pairs far apart keep
    the slope of a slightly turned sheet, which neighbouring points, a block apart, flatten to 0."""
    if t.size < 6:
        return None
    half = t.size // 2
    t, values = t.astype(float), values.astype(float)
    rise, run = values[half:2 * half] - values[:half], t[half:2 * half] - t[:half]
    slope = float(np.median(rise[run != 0] / run[run != 0])) if np.any(run != 0) else 0.0
    return slope, float(np.median(values - slope * t))


def _crossing(horizontal: tuple[float, float], vertical: tuple[float, float]) -> tuple[float, float] | None:
    """Where y = a·x + b meets x = c·y + d."""
    a, b = horizontal
    c, d = vertical
    if abs(1 - a * c) < 1e-6:
        return None
    y = (a * d + b) / (1 - a * c)
    return c * y + d, y


def _sheet_shaped(corners: list[tuple[float, float]], sheet: np.ndarray) -> bool:
    """Corners near square, and the region filling the quadrilateral they make (no blob)."""
    for k in range(4):
        before, here, after = (np.array(corners[(k + d) % 4]) for d in (-1, 0, 1))
        u, v = before - here, after - here
        cosine = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-9))
        if not CORNER_ANGLES[0] <= np.degrees(np.arccos(np.clip(cosine, -1, 1))) <= CORNER_ANGLES[1]:
            return False
    quad = _inside_quad(sheet.shape, corners)
    return bool(quad.sum() and (sheet & quad).sum() >= QUAD_FILL * quad.sum()
                and (sheet & quad).sum() >= QUAD_FILL * sheet.sum())


def _sharp_edges(blocks: np.ndarray, corners: list[tuple[float, float]]) -> bool:
    """Whether the brightness drops sharply across the sheet's edges (paper against a desk), not
    smoothly (light falling off across a close-up of paper, which only looks like an edge when
    thresholded): just outside the middle of each edge the frame is darker than
    ``DARK_CLASS_RATIO`` of just inside it, on every edge that has an outside in the frame."""
    rows, cols = blocks.shape
    centre = np.mean(corners, axis=0)
    ratios = []
    for k in range(4):
        a, b = np.array(corners[k]), np.array(corners[(k + 1) % 4])
        for t in np.linspace(0.2, 0.8, 7):
            point = a + (b - a) * t
            outward = point - centre
            outward /= np.linalg.norm(outward) + 1e-9
            inside, outside = point - outward * EDGE_REACH, point + outward * EDGE_REACH
            ox, oy = round(outside[0]), round(outside[1])
            ix, iy = round(inside[0]), round(inside[1])
            if 0 <= ox < cols and 0 <= oy < rows and 0 <= ix < cols and 0 <= iy < rows and blocks[iy, ix] > 0:
                ratios.append(blocks[oy, ox] / blocks[iy, ix])
    return bool(ratios) and float(np.median(ratios)) < DARK_CLASS_RATIO


def _inside_quad(shape: tuple[int, int], corners, shrink: float = 0.0) -> np.ndarray:
    from PIL import Image, ImageDraw

    centre = np.mean(corners, axis=0)
    points = [tuple(centre + (np.array(c) - centre) * (1 - shrink)) for c in corners]
    picture = Image.new("L", (shape[1], shape[0]), 0)
    ImageDraw.Draw(picture).polygon([(x - 0.5, y - 0.5) for x, y in points], fill=1)
    return np.asarray(picture).astype(bool)


# --- undoing the perspective, evening the light -----------------------------------------------


def perspective_coefficients(to: list[tuple[float, float]], source: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE coefficients taking the points ``to`` (in the output image) to ``source``
    (in the input image): the 8 unknowns of a homography from four point pairs."""
    rows, values = [], []
    for (x, y), (u, v) in zip(to, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float))]


def rectify(image, corners: list[tuple[float, float]]):
    """The sheet cut out of the photo as an upright rectangle, as many pixels wide and high as its
    edges are long in the photo (the mean of opposite edges)."""
    from PIL import Image

    tl, tr, br, bl = (np.array(c) for c in corners)
    width = round((np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2)
    height = round((np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2)
    target = [(0, 0), (width, 0), (width, height), (0, height)]
    coeffs = perspective_coefficients(target, [tuple(c) for c in corners])
    return image.convert("RGB").transform((width, height), Image.PERSPECTIVE, coeffs, Image.BICUBIC,
                                          fillcolor="white")


def flatten_light(page):
    """Each channel divided by a smooth estimate of the paper's brightness in it: paper comes out
    white all over (shadow, gradient and cast gone), print keeps its darkness relative to the paper
    around it."""
    from PIL import Image

    pixels = np.asarray(page.convert("RGB"), dtype=np.float32)
    out = np.empty_like(pixels)
    for channel in range(3):
        blocks, _step = paper_brightness(pixels[:, :, channel], LIGHT_BLOCKS, LIGHT_PERCENTILE)
        smooth = _box_blur(blocks)
        light = np.asarray(Image.fromarray(smooth.astype(np.float32), "F").resize(page.size, Image.BILINEAR))
        out[:, :, channel] = pixels[:, :, channel] * 255.0 / np.maximum(light, 16.0)
    return Image.fromarray(np.clip(np.rint(out), 0, 255).astype(np.uint8), "RGB")


def _box_blur(values: np.ndarray) -> np.ndarray:
    padded = np.pad(values, 1, mode="edge")
    return np.mean([padded[1 + dy:1 + dy + values.shape[0], 1 + dx:1 + dx + values.shape[1]]
                    for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)

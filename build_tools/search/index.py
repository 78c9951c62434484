"""Build the sharded search index the browser loads with ``<script>`` tags.

Layout of ``<site>/search/`` (every file calls ``window.__archiveShard(key, data)``,
because ``fetch`` and modules do not work from ``file://``; files are UTF-8 after a
byte-order mark, so no server or page charset can garble them):

- ``manifest.js``: constants, the list of shards and of split prefixes.
- ``t/t-<prefix>.js``: terms sharing a prefix → ``[df, variants, postings]``. Terms are
  words ("son") and adjacent pairs of words ("lang son": two words with only spaces,
  "-" or "/" between them, never across a comma, a full stop or a paragraph). A query's
  consecutive words are looked up as a pair, so "words side by side" costs one term,
  not positions. Prefixes are split until a shard is about ``shard_target`` bytes, so a
  word or a pair loads one small file. A split prefix keeps a shard for the term equal
  to it plus, under the ``""`` key, its commonest completions of the same kind (words
  complete to words, pairs to pairs) with their top ``completion_postings`` postings, so
  a half-typed word also costs one file.
- ``p/p-<term>.js``: a common term (df > ``page_size``) keeps only its ``page_size``
  highest-impact postings in its entry (``[df, variants, top, 1]``); the rest is
  here. A query's own words and pairs load it (exact results); a completion of a
  half-typed word does not, which bounds what a keystroke costs. The manifest lists
  these terms (``rests``), so the browser loads the rest beside the term's shard, not
  after it: one round of files fewer per keystroke.
- ``d/<bucket>/<n>.js``: one notice: link, title, metadata and its paragraphs
  (raw deflate + base85; the browser inflates them with ``DecompressionStream``) for
  snippets, closeness and phrase checks, loaded only for the results shown.
- ``facets.js`` (filter choices) and ``columns.js`` (each notice's province, date,
  type, issuer, measures), loaded only when a filter is used.

A posting is (doc gap, impact, mask), see ``_encode_page``. A word's impact is the BM25
term part ``tf·(k1+1)/(tf+k1·(1-b+b·dl/avgdl))`` quantised to 1..31, with title,
metadata and names (signer, chairs, places) counted ``head_weight`` times; the browser
multiplies it by the term's idf. A pair has no impact: its idf is its score. The mask
says which accented forms of the folded term the notice holds, so "tỉnh" can rank
above "tình" and "Vân Đồn" above "văn đơn"; forms are stored only when a term has
several, and a pair's forms that accent-free queries should prefer (names, widespread
phrases) are marked "*" (``_mark_preferred``).

Chromium spends 2–3 ms per file loaded from ``file://`` whatever its size, so the
layout saves files per query first and bytes second.
"""
from __future__ import annotations

import base64
import bisect
import heapq
import json
import operator
import os
import shutil
import time
import hashlib
import uuid
import zlib
from array import array
from collections import Counter
from dataclasses import asdict, dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Iterable

from .encoding import SMALL_NUMBERS as _SMALL_NUMBERS, encode_number, encode_numbers, safe_name, shard_script
from .partial import PartialIndex, gather
from ..vietnamese.fold import fold, fold_chars, nfc
from .tokenize import pair_counts_of, variant_counts

INDEX_VERSION = 1
IMPACT_LEVELS = 31  # one base-32 digit
VARIANT_BITS = 30  # accented forms tracked per folded term (bitwise operations in JS are 32-bit)
EPOCH = Date(1970, 1, 1)


@dataclass(frozen=True)
class Layout:
    """Ranking constants and file-size trade-offs; tests shrink them to exercise every path."""

    k1: float = 1.2
    b: float = 0.75
    head_weight: int = 3  # title and metadata words weigh as much as three body occurrences
    page_size: int = 2048  # postings kept in a common term's entry; the rest in p/<n>.js
    completion_postings: int = 512  # top postings of a completion copied beside its split prefix
    completions: int = 8  # completions tried for a half-typed last word
    prefix_weight: float = 0.8  # a completion scores below the word itself
    phrase_checks: int = 200  # top candidates whose text is read to verify a quoted phrase
    proximity_checks: int = 16  # notices past the adjacent ones whose text is read to rank by closeness
    shard_target: int = 24_000  # bytes of entries per shard before its prefix is split
    max_key_length: int = 6
    doc_bucket: int = 1000  # notices per folder of d/


@dataclass(frozen=True)
class SearchDoc:
    """One published notice as the search index sees it (its text is untrusted)."""

    id: str
    url: str  # relative to the site root: "notices/quang-ninh/x.html" or "notices/quang-ninh/x/"
    title: str
    number: str | None
    doc_type: str | None
    issuer: str | None
    province: str | None
    province_code: str | None
    date: str | None  # ISO
    measures: tuple[str, ...]
    paragraphs: tuple[tuple[str, str], ...]  # (anchor, text) in order
    names: tuple[str, ...] = ()  # signer, chairs, places: weighed like the title, each on its own


@dataclass(frozen=True)
class PreparedDoc:
    """A notice tokenised, folded and compressed, ready to add: the costly part, done where there are cores."""

    doc: SearchDoc  # its paragraphs emptied: the text travels compressed in ``record``
    terms: dict[str, list]  # folded term (word or "a b" pair) → [weighted tf, accented form, …]
    cases: tuple[tuple[str, str, int, int], ...]  # pairs: (term, form, written as a name, in mixed case)
    length: int
    text_bytes: int
    record: dict  # the notice's d/<n>.js entry


def prepare(doc: SearchDoc, head_weight: int = 3) -> PreparedDoc:
    """Tokenise a notice's text and title line, and compress its paragraphs for phrase checks and snippets.

    ``head_weight``: title and metadata words weigh as much as that many body occurrences (``Layout``).
    """
    paragraphs = [(anchor, nfc(text)) for anchor, text in doc.paragraphs]
    fields = [f for f in [doc.title, doc.number, doc.doc_type, doc.issuer, doc.province, *doc.names] if f]
    body_counts = variant_counts("\n".join(text for _, text in paragraphs))
    head_counts = variant_counts("\n".join(fields))
    body_pairs = pair_counts_of(text for _, text in paragraphs)  # a pair never spans two paragraphs or fields
    head_pairs = pair_counts_of(fields)
    terms: dict[str, list] = {}
    folds: dict[str, str] = {}
    for counts, weight in ((body_counts, 1), (head_counts, head_weight), (body_pairs[0], 1), (head_pairs[0], head_weight)):
        _count_terms(terms, counts, weight, folds)
    cases = []
    for titled, cased in (body_pairs[1:], head_pairs[1:]):
        for variant, count in cased.items():
            cases.append((folds[variant], variant, titled.get(variant, 0), count))  # folded with every pair
    text = json.dumps(paragraphs, ensure_ascii=False, separators=(",", ":")).encode()
    record = {
        "u": doc.url, "t": nfc(doc.title), "n": doc.number, "p": doc.province,
        "d": doc.date, "y": doc.doc_type, "i": doc.issuer,
        "z": pack_text(text),
    }
    return PreparedDoc(doc=replace(doc, paragraphs=()), terms=terms, cases=tuple(cases),
                       length=sum(body_counts.values()) + sum(head_counts.values()),
                       text_bytes=len(doc.title.encode()) + sum(len(t.encode()) for _, t in paragraphs), record=record)


def _count_terms(terms: dict[str, list], counts: Counter, weight: int, folds: dict[str, str]) -> None:
    variants = [v for v in counts if v not in folds]
    if variants:  # one fold for all of them (they are NFC and hold no newline): every word and pair of every notice
        folds.update(zip(variants, fold_chars("\n".join(variants)).split("\n")))
    for variant, count in counts.items():
        term = folds[variant]
        entry = terms.get(term)
        if entry is None:
            terms[term] = [count * weight, variant]
        else:
            entry[0] += count * weight
            if variant not in entry:
                entry.append(variant)


def pack_text(data: bytes) -> str:
    """Raw deflate, then base85 (its alphabet needs no JSON escape): 5 characters carry 4 bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b85encode(packer.compress(data) + packer.flush()).decode("ascii")


def unpack_text(packed: str) -> bytes:
    return zlib.decompress(base64.b85decode(packed), -15)


class _Postings:
    """Postings of one folded term while notices stream in: compact arrays, not objects."""

    __slots__ = ("docs", "tfs", "masks", "variants", "variant_df", "cases")

    def __init__(self):
        self.docs = array("I")
        self.tfs = array("H")
        self.masks = array("I")
        self.variants: dict[str, int] = {}  # accented form → bit, in order of first sight
        self.variant_df: list[int] = []
        self.cases: dict[str, list[int]] | None = None  # pairs: variant → [written as a name, in mixed case]

    def merge(self, part: PartialIndex, term: int, start: int, form_start: int) -> None:
        """Term ``term`` of a run (``partial.gather``): its postings ``start`` … and forms ``form_start`` …
        appended, the run's numbering of the forms mapped onto this term's (first sight, as one by one)."""
        bits, same = [], True
        for local in range(form_start, part.form_ends[term]):
            form = part.forms[local]
            bit = self.variants.get(form)
            if bit is None:
                bit = self.variants[form] = len(self.variants)
                if bit < VARIANT_BITS:
                    self.variant_df.append(0)
            if bit < VARIANT_BITS:
                self.variant_df[bit] += part.form_docs[local]
            if part.cased[local]:
                self._vote(form, part.titled[local], part.cased[local])
            same = same and bit == local - form_start and bit < VARIANT_BITS
            bits.append(bit)
        end = part.ends[term]
        self.docs.extend(part.numbers[start:end])
        self.tfs.extend(part.tfs[start:end])
        masks = part.wide_masks.get(term) if part.wide_masks else None
        if masks is None:
            masks = part.masks[start:end]
        self.masks.extend(masks if same else _mapped_masks(masks, bits))

    def _vote(self, form: str, titled: int, cased: int) -> None:
        if self.cases is None:
            self.cases = {}
        votes = self.cases.get(form)
        if votes is None:
            self.cases[form] = [titled, cased]
        else:
            votes[0] += titled
            votes[1] += cased


def _mapped_masks(masks, bits: list[int]) -> list[int]:
    """Masks over a run's forms as masks over the term's forms (``bits``: each run form's bit here);
    forms past ``VARIANT_BITS`` are not tracked."""
    mapped: dict[int, int] = {}
    out = []
    for mask in masks:
        new = mapped.get(mask)
        if new is None:
            new, bit, rest = 0, 0, mask
            while rest:
                if rest & 1 and bits[bit] < VARIANT_BITS:
                    new |= 1 << bits[bit]
                rest >>= 1
                bit += 1
            mapped[mask] = new
        out.append(new)
    return out


class _Columns:
    """Per-notice facet values as small integers, and the vocabularies they index."""

    FACETS = ("province", "doc_type", "issuer", "measure")

    def __init__(self):
        self.vocab: dict[str, dict[str, int]] = {facet: {} for facet in self.FACETS}
        self.labels: dict[str, dict[str, str]] = {facet: {} for facet in self.FACETS}
        self.values: dict[str, list[int]] = {"province": [], "date": [], "doc_type": [], "issuer": [], "measures": []}

    def _index(self, facet: str, key: str | None, label: str | None = None) -> int:
        if not key:
            return 0  # unknown
        table = self.vocab[facet]
        if key not in table:
            table[key] = len(table) + 1
            self.labels[facet][key] = label or key
        return table[key]

    def add(self, doc: SearchDoc) -> None:
        self.values["province"].append(self._index("province", doc.province_code or doc.province, doc.province))
        self.values["date"].append(day_number(doc.date))
        self.values["doc_type"].append(self._index("doc_type", doc.doc_type))
        self.values["issuer"].append(self._index("issuer", doc.issuer))
        measures = sorted({self._index("measure", m) for m in doc.measures if m})
        self.values["measures"].extend([len(measures), *measures])

    def facets(self) -> dict:
        """Filter choices per facet as ``[key, label, index]`` in label order, and the years present."""
        out = {}
        for facet, table in self.vocab.items():
            entries = [[key, self.labels[facet][key], index] for key, index in table.items()]
            out[facet] = sorted(entries, key=lambda e: (fold(e[1]), e[1]))
        days = {d for d in self.values["date"] if d}
        out["years"] = sorted({Date.fromordinal(EPOCH.toordinal() + d - 1).year for d in days})
        return out

    def columns(self) -> dict:
        return {name: encode_numbers(values) for name, values in self.values.items()}


def day_number(iso: str | None) -> int:
    """Days since 1970-01-01, plus one; 0 when the date is unknown or malformed."""
    if not iso:
        return 0
    try:
        return (Date.fromisoformat(iso[:10]) - EPOCH).days + 1
    except ValueError:
        return 0


class IndexWriter:
    """Streams notices in (their text is written out at once), then writes terms and shards."""

    def __init__(self, directory: Path, layout: Layout = Layout()):
        self.directory = directory
        self.layout = layout
        self.terms: dict[str, _Postings] = {}
        self.lengths = array("I")
        self.columns = _Columns()
        self.text_bytes = 0
        self.search_page: str | None = None
        self._files = self._bytes = self._largest = 0
        self._digest = hashlib.sha256()

    # --- streaming ------------------------------------------------------------

    def add(self, doc: "SearchDoc | PreparedDoc | PartialIndex") -> None:
        """Add one notice (a ``SearchDoc``, or a ``PreparedDoc`` already tokenised by a worker process),
        or a run of them gathered by a worker (``partial.gather``)."""
        if isinstance(doc, PartialIndex):
            self.add_partial(doc)
            return
        prepared = doc if isinstance(doc, PreparedDoc) else prepare(doc, self.layout.head_weight)
        self.add_partial(gather([prepared], len(self.lengths)))

    def add_partial(self, part: PartialIndex) -> None:
        """The notices of a run, which must follow those already added."""
        if part.start != len(self.lengths):
            raise ValueError(f"notices {part.start}… arrive after {len(self.lengths)} notices: runs must come in order")
        for number, (doc, script) in enumerate(zip(part.docs, part.scripts), part.start):
            self.columns.add(doc)
            if self.search_page is None:
                self.search_page = "tim-kiem.html" if doc.url.endswith(".html") else "tim-kiem/"
            self._write(f"d/{number // self.layout.doc_bucket}/{number}.js", script)
        self.lengths.extend(part.lengths)
        self.text_bytes += part.text_bytes
        terms, start, form_start = self.terms, 0, 0
        for index, term in enumerate(part.terms):
            postings = terms.get(term)
            if postings is None:
                postings = terms[term] = _Postings()
            postings.merge(part, index, start, form_start)
            start, form_start = part.ends[index], part.form_ends[index]

    def _write(self, relative: str, content: str) -> None:
        path = self.directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = ("\ufeff" + content).encode("utf-8")  # the byte-order mark fixes the charset for any server
        path.write_bytes(data)
        # the build id is a digest of the index itself: the same input gives the same site, byte for byte
        self._digest.update(relative.encode() + b"\0" + data)
        self._files += 1
        self._bytes += len(data)
        self._largest = max(self._largest, len(data))

    # --- finishing ------------------------------------------------------------

    def finish(self) -> dict:
        """Encode every term, group terms into shards, write the manifest; return figures."""
        layout = self.layout
        count = len(self.lengths)
        average = (sum(self.lengths) / count) if count else 1.0
        norms = array("d", (layout.k1 * (1 - layout.b + layout.b * n / average) for n in self.lengths))
        impact_of = _Impacts(norms, layout)
        entries: dict[str, list] = {}
        completion_tops: dict[str, str] = {}
        rests: list[str] = []
        for term in sorted(self.terms):
            encoded = _encode_term(term, self.terms.pop(term), impact_of, layout)  # pop: free memory as we go
            if encoded.rest is not None:
                encoded.entry.append(1)
                self._write(rest_path(term), shard_script(f"p:{term}", encoded.rest))
                rests.append(term)
            if encoded.completion_top is not None:
                completion_tops[term] = encoded.completion_top
            entries[term] = encoded.entry
        split, shards = plan_shards(entries, layout)
        self._write_shards(entries, completion_tops, split, shards)
        self._write("facets.js", shard_script("facets", self.columns.facets()))
        self._write("columns.js", shard_script("columns", self.columns.columns()))
        manifest = {
            "version": INDEX_VERSION, "build": self._digest.hexdigest()[:12], "docs": count, "levels": IMPACT_LEVELS,
            "completions": layout.completions, "prefixWeight": layout.prefix_weight,
            "phraseChecks": layout.phrase_checks, "proximityChecks": layout.proximity_checks, "docBucket": layout.doc_bucket, "searchPage": self.search_page,
            "layout": asdict(layout), "split": sorted(split), "shards": sorted(shards),
            "rests": "\n".join(rests),  # terms with a p/ file, one string: 3,700 terms at 20,000 notices
        }
        self._write("manifest.js", shard_script("manifest", manifest))
        return {"docs": count, "terms": len(entries), "shards": len(shards), "rest_files": len(rests),
                "files": self._files, "bytes": self._bytes, "largest_file_bytes": self._largest,
                "text_bytes": self.text_bytes,
                "ratio": round(self._bytes / self.text_bytes, 3) if self.text_bytes else None}

    def _write_shards(self, entries: dict[str, list], completion_tops: dict[str, str],
                      split: set[str], shards: dict[str, list[str]]) -> None:
        terms = list(entries)  # already sorted
        for key, members in shards.items():
            data = {term: entries[term] for term in members}
            if key in split:
                data[""] = [[t, entries[t][:2] + [completion_tops.get(t, entries[t][2])]]
                            for t in completions(key, terms, entries, self.layout.completions) if t != key]
            self._write(f"t/t-{safe_name(key)}.js", shard_script(f"t:{key}", data))


# --- terms ---------------------------------------------------------------------


def rest_path(term: str) -> str:
    """Where a common term's other postings are: named by the term, so the browser knows it before the shard."""
    return f"p/p-{safe_name(term)}.js"


class _Impacts:
    """Each posting's impact, BM25's term part for its frequency and its notice's length norm, quantised.

    The small frequencies most postings have are looked up in a table made once per notice (the same
    arithmetic, in the same order, so the same numbers), the others computed."""

    TABULATED = 8  # frequencies 1 … 8

    def __init__(self, norms: array, layout: Layout) -> None:
        self.norms = norms
        self.saturation = layout.k1 + 1
        self.scale = IMPACT_LEVELS / (layout.k1 + 1)
        self.tables = [[]] + [[self.impact(tf, norm) for norm in norms] for tf in range(1, self.TABULATED + 1)]

    def impact(self, tf: int, norm: float) -> int:
        impact = int(tf * self.saturation / (tf + norm) * self.scale + 0.5)
        return impact if impact >= 1 else 1

    def of(self, postings: _Postings) -> list[int]:
        tables, norms, impact, most = self.tables, self.norms, self.impact, self.TABULATED
        return [tables[tf][doc] if tf <= most else impact(tf, norms[doc]) for doc, tf in zip(postings.docs, postings.tfs)]


def _by_impact(impacts: list[int]) -> list[int]:
    """Posting indices, highest impact first, then in notice order (a term's postings are in notice order)."""
    levels: list[list[int]] = [[] for _ in range(IMPACT_LEVELS + 1)]
    for index, impact in enumerate(impacts):
        levels[impact].append(index)
    ordered: list[int] = []
    for level in reversed(levels):
        ordered.extend(level)
    return ordered


def _variant_order(postings: _Postings) -> tuple[list[str], list[int] | None]:
    """Tracked accented forms, most widespread first, and the old-bit → new-bit map (None: one form)."""
    tracked = [v for v, bit in sorted(postings.variants.items(), key=lambda item: item[1]) if bit < VARIANT_BITS]
    if len(tracked) < 2:
        return tracked, None
    order = sorted(range(len(tracked)), key=lambda bit: (-postings.variant_df[bit], tracked[bit]))
    remap = [0] * len(tracked)
    for new_bit, old_bit in enumerate(order):
        remap[old_bit] = new_bit
    return [tracked[bit] for bit in order], remap


def _remapped_masks(postings: _Postings, remap: list[int]) -> list[int]:
    cache: dict[int, int] = {}
    for mask in set(postings.masks):
        new, bit, rest = 0, 0, mask
        while rest:
            if rest & 1:
                new |= 1 << remap[bit]
            rest >>= 1
            bit += 1
        cache[mask] = new
    return list(map(cache.__getitem__, postings.masks))


def _encoded(values: list[int]) -> list[str]:
    """``encode_number`` of each value (most are below 32,768: a table look-up)."""
    if not values or max(values) < len(_SMALL_NUMBERS):
        return list(map(_SMALL_NUMBERS.__getitem__, values))
    return [encode_number(value) for value in values]


def _encode_page(indices: list[int], docs, impacts: list[int] | None, masks: list[int] | None) -> str:
    """Doc-ordered postings: the gap from the previous doc, the impact (words; pairs have none), the mask.

    When the term has several accented forms the gap carries one more bit: set
    when the notice's mask is not 1 (the commonest form alone), and only then is
    the mask written, so most postings of a many-form term cost no mask at all.
    (Written column by column, then interleaved: one pass per column in C, not one per posting.)
    """
    chosen = [docs[i] for i in indices]
    gaps = list(map(operator.sub, chosen, [0] + chosen[:-1]))
    columns = []
    if masks is None:
        columns.append(_encoded(gaps))
    else:
        marked = [masks[i] for i in indices]
        columns.append(_encoded([gap * 2 + (mask != 1) for gap, mask in zip(gaps, marked)]))
    if impacts is not None:
        columns.append(_encoded([impacts[i] for i in indices]))
    if masks is not None:
        columns.append([encode_number(mask) if mask != 1 else "" for mask in marked])
    if len(columns) == 1:
        return "".join(columns[0])
    parts = [""] * (len(chosen) * len(columns))
    for offset, column in enumerate(columns):
        parts[offset::len(columns)] = column
    return "".join(parts)


@dataclass
class _EncodedTerm:
    entry: list  # [df, variants, postings (all, or the top page_size)]
    rest: str | None  # the other postings of a common term
    completion_top: str | None  # the top completion_postings, when there are more


def is_pair(term: str) -> bool:
    """Adjacent-pair terms are two words joined by one space ("lang son"); words hold no space."""
    return " " in term


def _is_name(votes: list[int] | None) -> bool:
    """Written with a capital on every syllable in most of its mixed-case occurrences."""
    return bool(votes) and votes[0] * 2 > votes[1]


NAME_WEIGHT = 2  # a reading written as a name counts as if twice as widespread
PREFERRED = "*"  # marks a stored pair form as a preferred reading for accent-free queries


def _mark_preferred(variants: list[str], postings: _Postings) -> list[str]:
    """Mark the readings an accent-free query should prefer: names and widespread phrases.

    A form's weight is its document frequency, doubled when it is written as a name; the
    forms weighing at least half the heaviest are preferred. So "van don" prefers "Vân Đồn"
    over an occasional "văn đơn", and "van dong" prefers a widespread "vận động" over a
    rare name "Vân Đồng".
    """
    dfs = {v: postings.variant_df[postings.variants[v]] for v in variants}
    weights = [dfs[v] * (NAME_WEIGHT if _is_name(postings.cases.get(v)) else 1) for v in variants]
    heaviest = max(weights)
    return [PREFERRED + v if w * 2 >= heaviest else v for v, w in zip(variants, weights)]


def _encode_term(term: str, postings: _Postings, impact_of: _Impacts, layout: Layout) -> _EncodedTerm:
    variants, remap = _variant_order(postings)
    masks = _remapped_masks(postings, remap) if remap is not None else None
    docs = postings.docs
    df = len(docs)
    pair = is_pair(term)
    ranked = df > min(layout.completion_postings, layout.page_size)
    # A pair scores its idf (adjacency, not frequency, is its news): its impacts only choose its top postings,
    # so most pairs, seen in a few notices, need none computed.
    impacts = impact_of.of(postings) if ranked or not pair else None
    written = None if pair else impacts
    # 0 stands for "one form only": every notice holding the term then holds the same form, so its
    # accents could not rank one notice above another; the forms are stored only when they differ.
    if postings.cases and len(variants) > 1:
        variants = _mark_preferred(variants, postings)
    stored_variants = 0 if len(variants) < 2 else variants
    by_impact = _by_impact(impacts) if ranked else []
    completion_top = None
    if df > layout.completion_postings:
        completion_top = _encode_page(sorted(by_impact[:layout.completion_postings]), docs, written, masks)
    if df <= layout.page_size:
        return _EncodedTerm([df, stored_variants, _encode_page(list(range(df)), docs, written, masks)],
                            None, completion_top)
    top = _encode_page(sorted(by_impact[:layout.page_size]), docs, written, masks)
    rest = _encode_page(sorted(by_impact[layout.page_size:]), docs, written, masks)
    return _EncodedTerm([df, stored_variants, top], rest, completion_top)


# --- shards --------------------------------------------------------------------


def plan_shards(entries: dict[str, list], layout: Layout) -> tuple[set[str], dict[str, list[str]]]:
    """Split term prefixes until each shard is near ``layout.shard_target`` bytes.

    Returns the split prefixes and each shard's terms. ``encoding.shard_key``
    (here and in the browser) finds a term's shard from the split prefixes alone.
    """
    terms = sorted(entries)
    prefix_sums = [0]
    for term in terms:
        prefix_sums.append(prefix_sums[-1] + len(json.dumps(entries[term])) + 24)
    split: set[str] = set()
    shards: dict[str, list[str]] = {}
    stack = [("", 0, len(terms))]
    while stack:
        prefix, lo, hi = stack.pop()
        depth = len(prefix)
        small = prefix_sums[hi] - prefix_sums[lo] <= layout.shard_target
        if prefix and (small or depth >= layout.max_key_length):
            shards[prefix] = terms[lo:hi]
            continue
        if prefix:
            split.add(prefix)
            shards[prefix] = [prefix] if terms[lo] == prefix else []
        start = lo + 1 if prefix and terms[lo] == prefix else lo
        while start < hi:
            child = terms[start][:depth + 1]
            end = start
            while end < hi and terms[end].startswith(child):
                end += 1
            stack.append((child, start, end))
            start = end
    return split, shards


def completion_order(term: str, df: int) -> tuple:
    """Most widespread first, then shorter, then alphabetical (the browser sorts the same way)."""
    return (-df, len(term), term)


def completions(prefix: str, terms: list[str], entries: dict[str, list], count: int) -> list[str]:
    """The ``count`` + 1 most widespread terms starting with ``prefix`` (``terms`` sorted).

    A word completes to words, a pair ("van d") to pairs: "van" must not complete to "van don".
    """
    lo = bisect.bisect_left(terms, prefix)
    hi = bisect.bisect_left(terms, prefix + "\U0010ffff")
    pair = " " in prefix
    return heapq.nsmallest(count + 1, (t for t in terms[lo:hi] if (" " in t) == pair),
                           key=lambda t: completion_order(t, entries[t][0]))


def write_search_index(docs: Iterable[SearchDoc], out_dir: Path, layout: Layout = Layout()) -> dict:
    """Write the index into ``out_dir`` (``<site>/search``: the browser looks there) from ``docs``.

    ``docs`` is consumed once, as a stream. The index is written beside the old
    one and swapped in at the end, so a failed build never leaves a half-written
    index on the site. Returns build figures (files, bytes, seconds, ratio to text).
    """
    started = time.perf_counter()
    final = Path(out_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.parent / f".{final.name}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    staging.mkdir()
    try:
        writer = IndexWriter(staging, layout)
        for doc in docs:
            writer.add(doc)
        stats = writer.finish()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if final.exists():
        retired = final.parent / f".{final.name}-old-{uuid.uuid4().hex[:6]}"
        final.rename(retired)
        shutil.rmtree(retired, ignore_errors=True)
    staging.rename(final)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats

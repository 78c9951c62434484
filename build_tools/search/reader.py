"""Reads the written index and answers queries the way ``archive-search.js`` does.

The browser is the real search engine; this reference lets the Python tests
check ranking rules without a browser and lets the browser tests compare the
two engines result for result. It returns no snippets.
"""
from __future__ import annotations

import calendar
import heapq
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .encoding import decode_numbers, safe_name, shard_key
from ..vietnamese.fold import fold, has_diacritics
from .index import PREFERRED, completion_order, day_number, is_pair, rest_path, unpack_text
from .tokenize import Query, QueryWord, parse_query, tokens, word_sequence



def read_script(path: Path) -> tuple[str, object]:
    """(key, data) of a file written as ``__archiveShard(key, data);``."""
    text = path.read_text(encoding="utf-8-sig").strip()
    inner = text[len("__archiveShard("):-len(");")]
    key, data = json.loads(f"[{inner}]")
    return key, data


def date_bounds(filters: dict) -> tuple[int, int]:
    """Inclusive day-number range from ``year``, ``from`` and ``to`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    low, high = 1, 10**9
    year = filters.get("year")
    if year:
        low, high = day_number(f"{int(year):04d}-01-01"), day_number(f"{int(year):04d}-12-31")
    if filters.get("from"):
        low = max(low, day_number(_complete(str(filters["from"]), end=False)))
    if filters.get("to"):
        high = min(high, day_number(_complete(str(filters["to"]), end=True)))
    return low, high


def _complete(value: str, end: bool) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{parts[0]}-{parts[1]}-{last:02d}" if end else f"{parts[0]}-{parts[1]}-01"
    return value


class IndexReader:
    """The index in ``<site>/search`` as the browser sees it, for tests and checks."""

    def __init__(self, directory: Path):
        """``directory`` is ``<site>/search``."""
        self.directory = Path(directory)
        self.manifest = self._load("manifest.js")
        self.split = frozenset(self.manifest["split"])
        self.shards = frozenset(self.manifest["shards"])
        self._cache: dict[str, object] = {}

    def _load(self, relative: str):
        return read_script(self.directory / relative)[1]

    def _cached(self, relative: str):
        if relative not in self._cache:
            self._cache[relative] = self._load(relative)
        return self._cache[relative]

    # --- terms --------------------------------------------------------------

    def shard(self, key: str) -> dict:
        if key not in self.shards:
            return {}
        return self._cached(f"t/t-{safe_name(key)}.js")

    def entry(self, term: str) -> list | None:
        return self.shard(shard_key(term, self.split)).get(term) if term else None

    def idf(self, df: int) -> float:
        n = self.manifest["docs"]
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def postings(self, term: str, entry: list, all_pages: bool) -> list[tuple[int, int, int]]:
        """(doc, impact, mask) of a term; only the top postings for a completion of a half-typed word."""
        chunks = [entry[2]]
        if len(entry) == 4 and all_pages:
            chunks.append(self._cached(rest_path(term)))
        return [posting for chunk in chunks
                for posting in decode_postings(chunk, not is_pair(term), isinstance(entry[1], list) and len(entry[1]) > 1,
                                               self.manifest["levels"])]

    def expansions(self, word: QueryWord) -> list[tuple[str, list, float, bool]]:
        """(term, entry, weight, all postings?) the word stands for: itself, plus completions while typed."""
        own = self.entry(word.term)
        out = [(word.term, own, 1.0, True)] if own else []
        if not word.prefix:
            return out
        if word.term in self.split:
            pairs = self.shard(word.term).get("", [])
        else:
            shard = self.shard(shard_key(word.term, self.split))
            pairs = sorted(((t, e) for t, e in shard.items()
                            if t and t.startswith(word.term) and is_pair(t) == is_pair(word.term)),
                           key=lambda pair: completion_order(pair[0], pair[1][0]))
        others = [(t, e) for t, e in pairs if t != word.term][: self.manifest["completions"]]
        return out + [(t, e, self.manifest["prefixWeight"], False) for t, e in others]

    # --- queries ------------------------------------------------------------

    def _matches(self, word: QueryWord) -> dict[int, list]:
        """doc → [score, own term matched?, evidence] for a word or a pair.

        The score is the own term's when it matched (so a finished and a typed query
        score a notice alike), else the best completion's. Evidence is 1 when the notice
        holds a wanted form (``variant_mask``).
        """
        levels = self.manifest["levels"]
        out: dict[int, list] = {}
        for term, entry, weight, all_pages in self.expansions(word):
            own = term == word.term
            variants = entry[1] if isinstance(entry[1], list) else [term]
            wanted = variant_mask(word, variants)
            idf = self.idf(entry[0])
            for doc, impact, mask in self.postings(term, entry, all_pages):
                score = idf * impact / levels * weight
                evidence = 1 if mask & wanted else 0
                old = out.get(doc)
                if old is None:
                    out[doc] = [score, own, evidence]
                else:
                    if not old[1] and score > old[0]:
                        old[0] = score
                    old[2] = max(old[2], evidence)
        return out

    def query(self, text: str, filters: dict | None = None, limit: int = 20) -> list[dict]:
        filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        parsed = parse_query(text, prefix=filters.pop("prefix", True))
        allowed = self._filter(filters) if filters else None
        if not parsed.words:
            if allowed is None:
                return []
            dates = self.columns()["date"]
            ranked = sorted(allowed, key=lambda d: (-dates[d], d))
            return [self._result(d, 0.0) for d in ranked[:limit]]
        words = [self._matches(word) for word in parsed.words]
        pairs = [self._matches(pair) for pair in parsed.pairs]
        candidates = set(words[0])
        for matches in words[1:]:
            candidates &= matches.keys()
        if allowed is not None:
            candidates &= allowed
        keys = {d: rank_key(d, parsed, words, pairs) for d in candidates}
        if len(parsed.words) > 1 and any(keys[d].whole for d in candidates):
            candidates = [d for d in candidates if keys[d].whole or keys[d].completed]  # see rank_key
        candidates = sorted(candidates, key=lambda d: keys[d].order(d))
        candidates = self._by_proximity(candidates, keys, parsed, limit)
        if parsed.phrases:
            candidates = self._with_phrases(candidates, parsed, limit)
        return [self._result(d, keys[d].total, keys[d]) for d in candidates[:limit]]

    def _by_proximity(self, ranked: list[int], keys: dict, parsed: Query, limit: int) -> list[int]:
        """Re-rank the first not-fully-adjacent notices by how close their words stand (``proximity``)."""
        window = proximity_window(ranked, keys, parsed, limit, self.manifest.get("proximityChecks", 0))
        if window is None:
            return ranked
        start, end = window
        for d in ranked[start:end]:
            texts = [self.doc(d)["t"]] + [text for _, text in self.paragraphs(d)]
            keys[d].proximity = proximity(texts, parsed)
        return ranked[:start] + sorted(ranked[start:end], key=lambda d: keys[d].order(d)) + ranked[end:]

    def _with_phrases(self, candidates: list[int], parsed: Query, limit: int) -> list[int]:
        kept = []
        for doc in candidates[: self.manifest["phraseChecks"]]:
            texts = [self.doc(doc)["t"]] + [text for _, text in self.paragraphs(doc)]
            if all(any(_has_phrase(word_sequence(t), phrase) for t in texts) for phrase in parsed.phrases):
                kept.append(doc)
                if len(kept) >= limit:
                    break
        return kept

    # --- notices and filters ------------------------------------------------

    def doc(self, number: int) -> dict:
        return self._cached(f"d/{number // self.manifest['docBucket']}/{number}.js")

    def paragraphs(self, number: int) -> list[list[str]]:
        return json.loads(unpack_text(self.doc(number)["z"]))

    def _result(self, number: int, score: float, key: "RankKey | None" = None) -> dict:
        doc = self.doc(number)
        out = {"url": doc["u"], "title": doc["t"], "province": doc["p"], "date": doc["d"],
               "number": doc["n"], "score": round(score, 4)}
        if key is not None:
            out["adjacent"] = key.adjacent
        return out

    def columns(self) -> dict[str, list[int]]:
        if "columns" not in self._cache:
            raw = self._load("columns.js")
            columns = {name: decode_numbers(raw[name]) for name in ("province", "date", "doc_type", "issuer")}
            measures, values, i = [], decode_numbers(raw["measures"]), 0
            while i < len(values):
                count = values[i]
                measures.append(set(values[i + 1:i + 1 + count]))
                i += 1 + count
            columns["measures"] = measures
            self._cache["columns"] = columns
        return self._cache["columns"]

    def _filter(self, filters: dict) -> set[int]:
        facets = self._cached("facets.js")
        columns = self.columns()
        docs = set(range(self.manifest["docs"]))
        rules = {
            "province": lambda key, label, v: key == v or fold(label) == fold(v) or fold(key) == fold(v),
            "doc_type": lambda key, label, v: fold(label) == fold(v),
            "issuer": lambda key, label, v: fold(v) in fold(label),
            "measure": lambda key, label, v: key.lower() == str(v).lower(),
        }
        for facet, rule in rules.items():
            if facet in filters:
                wanted = {index for key, label, index in facets[facet] if rule(key, label, str(filters[facet]))}
                column = columns["measures" if facet == "measure" else facet]
                if facet == "measure":
                    docs = {d for d in docs if column[d] & wanted}
                else:
                    docs = {d for d in docs if column[d] in wanted}
        if any(k in filters for k in ("year", "from", "to")):
            low, high = date_bounds(filters)
            dates = columns["date"]
            docs = {d for d in docs if dates[d] and low <= dates[d] <= high}
        return docs


def _has_phrase(words: list[str], phrase: tuple[QueryWord, ...]) -> bool:
    size = len(phrase)
    for start in range(len(words) - size + 1):
        if all(words[start + j] == w.term or (w.prefix and words[start + j].startswith(w.term))
               for j, w in enumerate(phrase)):
            return True
    return False


def decode_postings(text: str, with_impacts: bool, with_masks: bool, levels: int) -> list[tuple[int, int, int]]:
    """Inverse of ``index._encode_page``: (doc, impact, mask); a pair's impact is ``levels`` (its idf counts whole)."""
    numbers, out, i, doc = decode_numbers(text), [], 0, 0
    while i < len(numbers):
        value = numbers[i]
        i += 1
        flagged = False
        if with_masks:
            value, flagged = value >> 1, bool(value & 1)
        doc += value
        impact = levels
        if with_impacts:
            impact = numbers[i]
            i += 1
        mask = 1
        if flagged:
            mask = numbers[i]
            i += 1
        out.append((doc, impact, mask))
    return out


# --- ranking (archive-search.js ranks the same way) -----------------------------------------------


def variant_mask(word: QueryWord, variants: list[str]) -> int:
    """Bits of the stored forms a query word or pair asks for.

    With accents: the forms whose accented syllables are the ones typed (an
    unaccented syllable accepts any). Without accents, for a pair: the readings
    the index marked as preferred (names and widespread phrases, ``index._mark_preferred``).
    An accent-free single word asks for nothing: plain BM25 decides.
    """
    typed = word.form.split(" ")
    if any(has_diacritics(t) for t in typed):
        mask = 0
        for bit, variant in enumerate(variants):
            stored = variant.lstrip(PREFERRED).split(" ")
            if len(stored) == len(typed) and all(
                    _syllable_fits(s, t, word.prefix and i == len(typed) - 1)
                    for i, (s, t) in enumerate(zip(stored, typed))):
                mask |= 1 << bit
        return mask
    if " " not in word.term:
        return 0
    preferred = 0
    for bit, variant in enumerate(variants):
        if variant.startswith(PREFERRED):
            preferred |= 1 << bit
    return preferred or 1


def _syllable_fits(stored: str, typed: str, prefix: bool) -> bool:
    return not has_diacritics(typed) or stored == typed or (prefix and stored.startswith(typed))


@dataclass
class RankKey:
    """Why a notice ranks where it does, most important first (see ``order``)."""

    adjacent: int  # query pairs found side by side as typed words
    completed: int  # query pairs found side by side through a completion of the word being typed
    evidence: int  # accents matched as typed (or, without accents, pairs read as names/common phrases)
    whole: bool  # every word found as typed, not only as a completion
    total: float  # BM25 of the words and pairs
    proximity: int = 0  # 3: one run, 2: close together in one paragraph, 1: in one paragraph (checked text)

    def order(self, doc: int) -> tuple:
        return (-self.adjacent, -self.completed, -self.proximity, -self.evidence, -self.whole, -self.total, doc)


def rank_key(doc: int, parsed: Query, words: list[dict], pairs: list[dict]) -> RankKey:
    """The key of one notice that holds every word.

    Adjacent pairs first: a scattered match ranks below every adjacent one. While the
    last word is typed, a notice that holds it only as a completion and not beside
    the word before is dropped by the caller whenever a finished reading of the
    query matches, so "lang son" and "lang son " give the same results.
    """
    adjacent = completed = evidence = 0
    total = 0.0
    for pair, matches in zip(parsed.pairs, pairs):
        match = matches.get(doc)
        if match is None:
            continue
        adjacent += match[1]
        completed += not match[1]
        evidence += match[2]
        total += match[0]
    whole = True
    for word, matches in zip(parsed.words, words):
        match = matches[doc]
        whole = whole and match[1]
        evidence += match[2]
        total += match[0]
    return RankKey(adjacent, completed, evidence, whole, total)


CLOSE_WORDS = 6  # words allowed between query words that still stand "close together"


def proximity_window(ranked: list[int], keys: dict, parsed: Query, limit: int, checks: int) -> tuple[int, int] | None:
    """The slice of ``ranked`` whose texts are read: from the first notice not fully adjacent to the end of the page.

    Only notices the page shows are read (their text is loaded for snippets anyway), so a keystroke
    loads no notice it does not show.
    """
    if not parsed.pairs or not checks:
        return None
    full = len(parsed.pairs)
    if full > 1:  # "cách ly" + "tại nhà" may each stand side by side without "cách ly tại nhà": read from the top
        start = 0
    else:
        start = next((i for i, d in enumerate(ranked) if keys[d].adjacent + keys[d].completed < full), None)
    if start is None or start >= limit:
        return None
    return start, min(len(ranked), start + min(checks, limit - start))


def proximity(texts: list[str], parsed: Query) -> int:
    """3: one text holds the query's words as one run; 2: within a short span; 1: all in one text; else 0."""
    words = parsed.words
    if parsed.chained and any(_has_phrase(word_sequence(text), parsed.ordered) for text in texts):
        return 3
    best = 0
    for text in texts:
        sequence = tokens(text)
        positions = [[i for i, t in enumerate(sequence) if t == w.term or (w.prefix and t.startswith(w.term))]
                     for w in words]
        if not all(positions):
            continue
        best = max(best, 2 if _shortest_span(positions) <= len(words) + CLOSE_WORDS else 1)
        if best == 2:
            break
    return best


def _shortest_span(positions: list[list[int]]) -> int:
    """Fewest consecutive tokens holding one position of every list (each sorted)."""
    heap = [(p[0], i, 0) for i, p in enumerate(positions)]
    heapq.heapify(heap)
    high = max(p[0] for p in positions)
    best = high - heap[0][0] + 1
    while True:
        low, i, j = heapq.heappop(heap)
        best = min(best, high - low + 1)
        if j + 1 >= len(positions[i]):
            return best
        nxt = positions[i][j + 1]
        high = max(high, nxt)
        heapq.heappush(heap, (nxt, i, j + 1))

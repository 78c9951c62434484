"""Reads the written index and answers queries the way ``archive-search.js`` does.

The browser is the real search engine; this reference lets the Python tests
check ranking rules without a browser and lets the browser tests compare the
two engines result for result. It returns no snippets.
"""
from __future__ import annotations

import base64
import calendar
import json
import math
import zlib
from pathlib import Path

from .encoding import decode_numbers, safe_name, shard_key
from ..vietnamese.fold import fold
from .index import completion_order, day_number
from .tokenize import Query, QueryWord, parse_query, word_sequence

TIER_SCALE = 10_000  # score = exact-accent tier × TIER_SCALE + BM25, so one number sorts results


def read_script(path: Path) -> tuple[str, object]:
    """(key, data) of a file written as ``__archiveShard(key, data);``."""
    text = path.read_text(encoding="ascii").strip()
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

    def postings(self, entry: list, all_pages: bool) -> list[tuple[int, int, int]]:
        """(doc, impact, mask) of a term; only the top postings for a completion of a half-typed word."""
        with_masks = isinstance(entry[1], list) and len(entry[1]) > 1
        chunks = [entry[2]]
        if len(entry) == 4 and all_pages:
            chunks.append(self._cached(f"p/{entry[3]}.js"))
        out = []
        step = 3 if with_masks else 2
        for chunk in chunks:
            numbers, doc = decode_numbers(chunk), 0
            for i in range(0, len(numbers), step):
                doc += numbers[i]
                out.append((doc, numbers[i + 1], numbers[i + 2] if with_masks else 1))
        return out

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
            pairs = sorted(((t, e) for t, e in shard.items() if t and t.startswith(word.term)),
                           key=lambda pair: completion_order(pair[0], pair[1][0]))
        others = [(t, e) for t, e in pairs if t != word.term][: self.manifest["completions"]]
        return out + [(t, e, self.manifest["prefixWeight"], False) for t, e in others]

    # --- queries ------------------------------------------------------------

    def _word_scores(self, word: QueryWord) -> dict[int, tuple[float, int]]:
        """doc → (best score among the word's expansions, 1 if an exact accented form matched)."""
        levels = self.manifest["levels"]
        scores: dict[int, tuple[float, int]] = {}
        for term, entry, weight, all_pages in self.expansions(word):
            variants = entry[1] if isinstance(entry[1], list) else [term]
            wanted = 0
            if word.accented:
                for bit, variant in enumerate(variants):
                    if variant == word.form or (word.prefix and variant.startswith(word.form)):
                        wanted |= 1 << bit
            idf = self.idf(entry[0])
            for doc, impact, mask in self.postings(entry, all_pages):
                score = idf * impact / levels * weight
                exact = 1 if mask & wanted else 0
                old = scores.get(doc)
                scores[doc] = (score, exact) if old is None else (max(score, old[0]), max(exact, old[1]))
        return scores

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
        totals: dict[int, list] | None = None
        for word in sorted(parsed.words, key=lambda w: w.term):
            scores = self._word_scores(word)
            if totals is None:
                totals = {d: [s, e if word.accented else 0] for d, (s, e) in scores.items()}
            else:
                totals = {d: [t[0] + scores[d][0], t[1] + (scores[d][1] if word.accented else 0)]
                          for d, t in totals.items() if d in scores}
        candidates = [d for d in totals if allowed is None or d in allowed]
        candidates.sort(key=lambda d: (-totals[d][1], -totals[d][0], d))
        if parsed.phrases:
            candidates = self._with_phrases(candidates, parsed, limit)
        return [self._result(d, totals[d][1] * TIER_SCALE + totals[d][0]) for d in candidates[:limit]]

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
        return json.loads(zlib.decompress(base64.b64decode(self.doc(number)["z"])))

    def _result(self, number: int, score: float) -> dict:
        doc = self.doc(number)
        return {"url": doc["u"], "title": doc["t"], "province": doc["p"], "date": doc["d"],
                "number": doc["n"], "score": round(score, 4)}

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

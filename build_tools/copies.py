"""One document, several copies: a portal copy, a newspaper reprint and a scan of the same notice.

Two copies are the same document when they share its identity — number, issuer and issue date
(REFERENCE.md §1: a number alone is not an identity, numbering restarts every year). They
become one page: the most complete copy's text is shown, and every other copy is listed with
its source so it stays reachable. The build report says which copies were merged and why.
A copy whose identity is incomplete (no number, or no date, or neither issuer nor province)
is never merged, nor are two texts that do not share most of their words (a journalist's
paraphrase, or two notices given the same number by mistake): two different notices must
never share a page.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .data_files import load_yaml
from .vietnamese.fold import fold
from .model import IMPORTANT_FIELDS, Metadata, NoticeHead, Problem


@dataclass(frozen=True)
class CopyRef:
    """Another copy of a published notice: its file and where it came from."""

    file: str
    format: str
    words: int
    source_url: str | None
    publisher: str | None
    reason: str  # why it is the same document: "số 24/CT-UBND, UBND tỉnh Sơn La, ngày 2021-07-24"


SHINGLE = 4  # words per shingle
SKETCH = 128  # smallest shingle hashes kept per text
SAME_TEXT = 0.5  # share of the shorter copy's shingles found in the longer one


def fingerprint(texts: list[str]) -> tuple[int, ...]:
    """A bottom-k sketch of the text's word 4-grams (folded): small, and enough to estimate how
    much of one copy is in another without keeping the texts in memory."""
    words = re.findall(r"\w+", fold(" ".join(texts)))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))} if words else set()
    # digests of one length sort as the numbers they spell (big-endian): only the kept ones become numbers
    digests = sorted({hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles})[:SKETCH]
    return tuple(int.from_bytes(digest, "big") for digest in digests)


def containment(smaller: tuple[int, ...], larger: tuple[int, ...]) -> float:
    """Estimated share of ``smaller``'s shingles that are in ``larger`` (judged where both sketches reach)."""
    if not smaller or not larger:
        return 0.0
    reach = min(smaller[-1], larger[-1])
    judged = [h for h in smaller if h <= reach]
    other = set(larger)
    return sum(h in other for h in judged) / len(judged) if judged else 0.0


def same_text(a: NoticeHead, b: NoticeHead) -> bool:
    first, second = sorted((a.summary.fingerprint, b.summary.fingerprint), key=len)
    return containment(first, second) >= SAME_TEXT


def identity(meta: Metadata) -> tuple[str, str, str] | None:
    """(number, issuer, issue date) folded, or None when any part is unknown."""
    if meta.number is None or not meta.issued_date:
        return None
    issuer = meta.issuer.name if meta.issuer else None
    if meta.province is not None:
        issuer = f"{issuer or ''}@{meta.province.code}"
    if not issuer:
        return None
    return fold(meta.number.text).replace(" ", ""), fold(issuer), meta.issued_date


def different_identities(a: Metadata, b: Metadata) -> bool:
    """Both identities known and not the same: two notices, even when their bodies read alike."""
    first, second = identity(a), identity(b)
    return first is not None and second is not None and first != second


def describe_identity(meta: Metadata) -> str:
    issuer = meta.issuer.name if meta.issuer else (meta.province.name if meta.province else "")
    return load_yaml("site.yml")["copies"]["identity"].format(number=meta.number.text, issuer=issuer,
                                                              date=meta.issued_date)


def completeness(head: NoticeHead) -> tuple[int, int, int]:
    """Fields known, then a copy with its own header and signature (not a reprint), then words."""
    meta = head.meta
    known = sum(getattr(meta, name) not in (None, "") for name in IMPORTANT_FIELDS)
    own_header = int(not meta.clues.get("number") or not meta.clues["number"].rule.startswith(("reprint", "page",
                                                                                              "portal")))
    return known, own_header, head.summary.words


def copy_ref(head: NoticeHead, reason: str) -> CopyRef:
    provenance = head.meta.provenance
    return CopyRef(head.source.name, head.source.format, head.summary.words,
                   provenance.source_url if provenance else None, provenance.publisher if provenance else None, reason)


def merge_copies(notices: list[NoticeHead]) -> tuple[list[NoticeHead], list[Problem]]:
    """The notices with copies of one document folded into its most complete copy."""
    groups: dict[tuple[str, str, str], list[NoticeHead]] = {}
    for head in notices:
        key = identity(head.meta)
        if key is not None:
            groups.setdefault(key, []).append(head)
    merged_away: set[int] = set()
    problems: list[Problem] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        primary = max(members, key=completeness)
        reason = describe_identity(primary.meta)
        for other in members:
            if other is primary or not same_text(primary, other):
                continue
            primary.copies.append(copy_ref(other, reason))
            merged_away.add(id(other))
            problems.append(Problem(other.source.name, f"another copy of the notice in {primary.source.name} "
                                                       f"(same number, issuer and date: {reason})",
                                    f"merged into one page that lists both sources and shows the more complete text "
                                    f"({primary.source.name}); if they are different notices, correct the number or "
                                    f"date in a .meta.yml", severity="duplicate"))
    return [n for n in notices if id(n) not in merged_away], problems

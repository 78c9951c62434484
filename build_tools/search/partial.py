"""A run of consecutive notices' postings, gathered by term where the notices were tokenised.

The index keeps, for each folded term, its postings: the notice, the term's weighted frequency
there and which of the term's accented forms it holds. Added one notice at a time in the
building process, that is a look-up and three appends for each of a notice's ~1,300 terms,
on one core, after each notice's dictionary of terms has crossed between processes. A worker
that has tokenised a run of consecutive notices gathers their postings by term here instead
(``gather``); the building process merges the run with one step per term of the run, not per
notice (``IndexWriter.add_partial``), and what crosses between the processes is a few flat
arrays.

A run numbers each term's accented forms in the order it first saw them, as the index does for
the whole archive; merging maps them onto the index's numbering, so the index written is the
same, byte for byte, however the notices were cut into runs.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .encoding import shard_script

if TYPE_CHECKING:
    from .index import PreparedDoc, SearchDoc

MASK_BITS = 32  # forms a run's masks hold in the flat array; a term with more keeps its masks in a list


@dataclass(frozen=True)
class PartialIndex:
    """Postings of notices ``start`` … ``start + len(docs) - 1``, term by term, in flat arrays.

    Term ``i``'s postings are ``numbers``/``tfs``/``masks`` from ``ends[i - 1]`` (0 for the
    first) to ``ends[i]``; its forms are ``forms`` from ``form_ends[i - 1]`` to ``form_ends[i]``,
    bit ``j`` of a mask standing for its ``j``-th form (``wide_masks[i]`` instead when it has
    more than ``MASK_BITS``). Per form: how many notices hold it, and for pairs the case votes
    (written as a name, in mixed case) that ``index._mark_preferred`` weighs.
    """

    start: int
    docs: tuple  # each notice's SearchDoc, paragraphs emptied: filters and the results page
    scripts: tuple[str, ...]  # each notice's d/<n>.js file
    lengths: array  # "I": each notice's weighted length (BM25)
    text_bytes: int
    terms: tuple[str, ...]  # in order of first sight
    ends: array  # "I"
    numbers: array  # "I": notice numbers in the whole index
    tfs: array  # "H"
    masks: array  # "I"
    wide_masks: dict  # term index → masks (ints), for the rare term with more than MASK_BITS forms
    forms: tuple[str, ...]
    form_ends: array  # "I"
    form_docs: array  # "I": notices of the run holding each form
    titled: array  # "I": pair forms written as a name ("Vân Đồn")
    cased: array  # "I": pair forms written in mixed case


class _Gathering:
    """One term's postings while a run's notices are gathered."""

    __slots__ = ("numbers", "tfs", "masks", "forms", "form_docs", "titled", "cased")

    def __init__(self) -> None:
        self.numbers: list[int] = []
        self.tfs: list[int] = []
        self.masks: list[int] = []
        self.forms: dict[str, int] = {}  # accented form → bit, in order of first sight
        self.form_docs: list[int] = []
        self.titled: list[int] = []
        self.cased: list[int] = []

    def add(self, number: int, entry: list) -> None:
        """A notice's ``[weighted tf, form, …]`` (``PreparedDoc.terms``)."""
        forms, form_docs = self.forms, self.form_docs
        mask = 0
        for form in entry[1:]:
            bit = forms.get(form)
            if bit is None:
                bit = forms[form] = len(forms)
                form_docs.append(0)
                self.titled.append(0)
                self.cased.append(0)
            mask |= 1 << bit
            form_docs[bit] += 1
        self.numbers.append(number)
        self.tfs.append(min(entry[0], 65535))
        self.masks.append(mask)

    def vote(self, form: str, titled: int, cased: int) -> None:
        bit = self.forms[form]
        self.titled[bit] += titled
        self.cased[bit] += cased


def gather(prepared: Sequence[PreparedDoc], start: int) -> PartialIndex:
    """The postings of consecutive notices, numbered from ``start``, as one ``PartialIndex``."""
    by_term: dict[str, _Gathering] = {}
    for number, doc in enumerate(prepared, start):
        for term, entry in doc.terms.items():
            gathering = by_term.get(term)
            if gathering is None:
                gathering = by_term[term] = _Gathering()
            if len(entry) == 2 and gathering.forms.get(entry[1]) == 0:  # the term's first form alone: most postings
                gathering.numbers.append(number)
                gathering.tfs.append(entry[0] if entry[0] < 65535 else 65535)
                gathering.masks.append(1)
                gathering.form_docs[0] += 1
            else:
                gathering.add(number, entry)
        for term, form, titled, cased in doc.cases:
            by_term[term].vote(form, titled, cased)
    return _flattened(by_term, prepared, start)


def _flattened(by_term: dict[str, _Gathering], prepared: Sequence[PreparedDoc], start: int) -> PartialIndex:
    ends, numbers, tfs, masks = array("I"), array("I"), array("H"), array("I")
    form_ends, form_docs, titled, cased = array("I"), array("I"), array("I"), array("I")
    forms: list[str] = []
    wide: dict[int, list[int]] = {}
    for index, gathering in enumerate(by_term.values()):
        numbers.extend(gathering.numbers)
        tfs.extend(gathering.tfs)
        if len(gathering.forms) > MASK_BITS:
            wide[index] = gathering.masks
            masks.extend([0] * len(gathering.masks))
        else:
            masks.extend(gathering.masks)
        ends.append(len(numbers))
        forms.extend(gathering.forms)
        form_docs.extend(gathering.form_docs)
        titled.extend(gathering.titled)
        cased.extend(gathering.cased)
        form_ends.append(len(forms))
    return PartialIndex(
        start=start, docs=tuple(doc.doc for doc in prepared),
        scripts=tuple(shard_script(f"d:{number}", doc.record) for number, doc in enumerate(prepared, start)),
        lengths=array("I", [doc.length for doc in prepared]), text_bytes=sum(doc.text_bytes for doc in prepared),
        terms=tuple(by_term), ends=ends, numbers=numbers, tfs=tfs, masks=masks, wide_masks=wide,
        forms=tuple(forms), form_ends=form_ends, form_docs=form_docs, titled=titled, cased=cased)

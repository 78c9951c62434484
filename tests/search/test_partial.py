"""Runs of notices gathered apart (search.partial) make the same index as notices added one by one."""
import pickle
from pathlib import Path

import pytest

from build_tools.search import IndexReader, Layout, prepare, write_search_index
from build_tools.search.index import VARIANT_BITS
from build_tools.search.partial import MASK_BITS, gather
from build_tools.vietnamese.fold import fold, nfc
from tests.search.corpus import DOCS, TINY_LAYOUT, generated_docs, notice

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
# every accented spelling of the two letters "oa" (o/ô/ơ and a/ă/â, each with a tone): 324 forms of one folded word
OA_FORMS = [nfc(o + t1 + a + t2) for o in "oôơ" for t1 in TONES for a in "aăâ" for t2 in TONES][1:]


def many_forms_docs(count: int) -> list:
    """Notices holding a few of ``OA_FORMS`` each, a run later starting with forms an earlier one saw last:
    more than ``MASK_BITS`` forms in a run, more than ``VARIANT_BITS`` in the archive."""
    docs = []
    for n in range(count):
        start = (n * 7) % len(OA_FORMS) if n % 2 else (len(OA_FORMS) - 1 - n * 5) % len(OA_FORMS)
        forms = [OA_FORMS[(start + k) % len(OA_FORMS)] for k in range(3 + n % 4)]
        docs.append(notice(f"oa-{n}", "Quảng Ninh", "quang-ninh", f"Thông báo {n}",
                           [f"Văn bản {' '.join(forms)} Vân Đồn.", f"{forms[0]} và Cẩm Phả, {forms[-1]}."]))
    return docs


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def docs():
    return list(DOCS) + generated_docs(60) + many_forms_docs(90)


@pytest.fixture(scope="module")
def one_by_one(docs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-by-one") / "search"
    write_search_index(iter(docs), folder, Layout(**TINY_LAYOUT))
    return folder


@pytest.mark.parametrize("size", [2, 7, 64, 1000])
def test_any_cut_into_runs_writes_the_same_index_byte_for_byte(docs, one_by_one, tmp_path, size):
    prepared = [prepare(doc) for doc in docs]
    runs = (gather(prepared[start:start + size], start) for start in range(0, len(prepared), size))
    write_search_index(runs, tmp_path / "search", Layout(**TINY_LAYOUT))
    assert files(tmp_path / "search") == files(one_by_one)


def test_a_run_crosses_between_processes_intact(docs):
    prepared = [prepare(doc) for doc in docs[:20]]
    run = gather(prepared, 5)
    again = pickle.loads(pickle.dumps(run))
    assert again == run and again.start == 5 and len(again.docs) == 20
    assert list(again.numbers) and set(again.numbers) <= set(range(5, 25))


def test_a_run_of_many_forms_keeps_its_masks_apart():
    prepared = [prepare(doc) for doc in many_forms_docs(90)]
    run = gather(prepared, 0)
    term = run.terms.index("oa")
    assert run.form_ends[term] - run.form_ends[term - 1] > MASK_BITS
    assert term in run.wide_masks


def test_each_notice_keeps_the_forms_it_holds(one_by_one, docs):
    """The tracked forms of a many-form word (``VARIANT_BITS`` of them, most widespread first) are
    marked in each posting exactly as the notice writes them, whichever run first saw them."""
    reader = IndexReader(one_by_one)
    entry = reader.entry("oa")
    tracked = entry[1]
    assert len(tracked) == VARIANT_BITS
    by_number = {number: doc for number, doc in enumerate(docs)}
    postings = reader.postings("oa", entry, all_pages=True)
    assert len(postings) == entry[0] == sum(1 for doc in docs if doc.id.startswith("oa-"))
    for number, _impact, mask in postings:
        words = {w for _, text in by_number[number].paragraphs for w in text.lower().split()}
        held = {bit for bit, form in enumerate(tracked) if form in words}
        assert {bit for bit in range(VARIANT_BITS) if mask >> bit & 1} == held
        assert all(fold(form) == "oa" for form in tracked)


def test_runs_must_come_in_order(docs, tmp_path):
    prepared = [prepare(doc) for doc in docs[:10]]
    with pytest.raises(ValueError, match="in order"):
        write_search_index(iter([gather(prepared[5:], 5), gather(prepared[:5], 0)]), tmp_path / "search")
    assert not (tmp_path / "search").exists()  # nothing half-written is left

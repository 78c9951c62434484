"""The pipeline's plumbing: results in file order with few tasks in flight, text read back from the store."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from build_tools.pipeline import in_order, load_notice, run_pipeline
from tests.conftest import copy_seeds


def test_results_come_in_order_with_a_bounded_number_of_tasks_in_flight():
    running, most = [0], [0]
    lock = threading.Lock()

    def work(value):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.001 * (value % 3))
        with lock:
            running[0] -= 1
        return value * 2

    with ThreadPoolExecutor(max_workers=8) as pool:
        submitted = []

        def items():
            for value in range(200):
                submitted.append(value)
                yield value

        results = []
        for result in in_order(pool, work, items(), window=5):
            results.append(result)
            assert len(submitted) - len(results) <= 5  # never more than the window ahead of the reader
    assert results == [value * 2 for value in range(200)]
    assert most[0] <= 5


def test_heads_carry_no_text_and_the_store_gives_it_back(tmp_path):
    source = copy_seeds(tmp_path / "source")
    result = run_pipeline(source, workers=1, registry_path=tmp_path / "permalinks.yml", cache_dir=None)
    try:
        assert len(result.notices) == 5 and result.temporary_store is not None
        for head in result.notices:
            assert not hasattr(head, "document") and head.summary.words > 100
            notice = load_notice(head)
            assert notice.id == head.id and notice.document.blocks
            assert head.summary.words == sum(len(b.text.split()) for b in notice.document.blocks)
        store = result.temporary_store
    finally:
        result.close()
    assert not store.exists()  # a build without a cache folder leaves nothing behind


# --- decomposed Unicode (NFD) -------------------------------------------------------


def nfd_copies(folder):
    """Every seed saved as decomposed Unicode (as macOS editors and some PDF exporters write it)."""
    import unicodedata

    from tests.support.paths import SEEDS

    folder.mkdir()
    for path in SEEDS:
        text = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
        (folder / path.name).write_text(text, encoding="utf-8")
    return SEEDS


def test_every_check_of_the_input_passes_a_notice_saved_as_nfd(tmp_path):
    """Ingest, the "is this a notice" check and extraction see the same notice in NFD as in NFC."""
    from build_tools.pipeline import process_file

    seeds = nfd_copies(tmp_path / "nfd")
    for path in seeds:
        decomposed = process_file(tmp_path / "nfd" / path.name, tmp_path / "nfd")
        composed = process_file(path, path.parent)
        assert decomposed.notice is not None, [p.describe() for p in decomposed.problems]
        assert decomposed.notice.meta.to_dict() == composed.notice.meta.to_dict()
        assert decomposed.notice.document.body_text == composed.notice.document.body_text
        assert [p.message for p in decomposed.problems] == [p.message for p in composed.problems]


def test_an_english_text_in_nfd_is_still_refused(tmp_path):
    import unicodedata

    from build_tools.pipeline import process_file

    folder = tmp_path / "src"
    folder.mkdir()
    text = "Minutes of the meeting. The committee agreed to extend the lockdown of the naïve región. " * 20
    (folder / "english.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    processed = process_file(folder / "english.txt", folder)
    assert processed.notice is None
    assert "does not look like a Vietnamese notice" in processed.problems[0].message

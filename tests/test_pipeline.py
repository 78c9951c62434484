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

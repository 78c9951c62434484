"""search_bench: what it prints beside the wall clock (main-thread CPU, phases, load), on a small index."""
import pytest

from benchmarks import search_bench

pytestmark = pytest.mark.browser


def test_keystrokes_are_given_with_main_thread_time_phases_and_load(tmp_path, monkeypatch):
    monkeypatch.setattr(search_bench, "QUERIES_TWO_WORDS", ["cách ly", "tập trung"])  # found in 300 notices
    page = search_bench.write_site(tmp_path)
    search_bench.write_search_index(search_bench.synthetic_notices(300), tmp_path / "search")
    figures = search_bench.measure_browser(page, tmp_path / "search")
    keystrokes = len(search_bench.TYPED)
    assert len(figures["typing_ms"]) == len(figures["typing_cpu_ms"]) == len(figures["typing_phases"]) == keystrokes
    assert all(cpu >= 0 for cpu in figures["typing_cpu_ms"]) and sum(figures["typing_cpu_ms"]) > 0
    assert figures["typing_cpu_later_median_ms"] <= figures["typing_cpu_later_p90_ms"] <= figures["typing_cpu_later_max_ms"]
    first = figures["typing_phases"][0]  # the first keystroke loads, ranks, reads notices
    assert first["index"] <= first["ranked"] <= first["notices"] <= first["done"]
    assert figures["box_keystrokes"] == keystrokes  # typed into the header box too
    assert len(figures["box_ms"]) + figures["box_superseded"] == keystrokes and figures["box_ms"]
    load = figures["load_average_1min"]
    assert 0 <= load["min"] <= load["median"] <= load["max"] and figures["cpus"] >= 1


def test_load_sampler_samples_while_open():
    with search_bench.LoadSampler(every=0.01) as sampler:
        import time
        time.sleep(0.05)
    assert len(sampler.samples) >= 2
    assert set(sampler.figures()["load_average_1min"]) == {"min", "median", "max"}

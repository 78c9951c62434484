"""Two rendering processes: each page written by exactly one, and a plain single-process fallback."""
import os
from types import SimpleNamespace

from build_tools.publish.parallel import MIN_PAGES, SKIP_TEMPLATE, PageSplit


def pages(n: int) -> list:
    return [SimpleNamespace(meta={}, name=f"p{i}") for i in range(n)]


def test_one_process_writes_every_page_and_never_forks():
    split = PageSplit(processes=1)
    split.reset(pages(10))
    for page in split.order:
        split.before_page(page)
        assert split.page_written(page)
    assert split.child_pid is None and not split.child
    assert all("template" not in page.meta for page in split.order)


def test_too_few_pages_are_not_worth_a_second_process():
    split = PageSplit(processes=2)
    split.reset(pages(MIN_PAGES - 1))
    assert not split.can_fork()


def test_two_processes_write_every_page_once(tmp_path):
    """Each process records the pages it writes; together they are every page, once, and the parent gets the last."""
    split = PageSplit(processes=2)
    split.reset(pages(9))
    written = tmp_path / "written"
    split.start()
    mine = [page.name for page in split.order if split.owns(page)]
    skipped = [page.name for page in split.order if page.meta.get("template") == SKIP_TEMPLATE]
    if split.child:
        (written / "child").parent.mkdir(exist_ok=True)
        (written / "child").write_text(" ".join(mine))
        os._exit(0)
    split.wait_for_second_process()
    child = (written / "child").read_text().split()
    assert sorted(mine + child) == sorted(page.name for page in split.order)
    assert not set(mine) & set(child) and sorted(skipped) == sorted(child)
    assert "p8" in mine  # the first process renders the last page, so the second ends first

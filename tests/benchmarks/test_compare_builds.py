"""compare_builds: two site folders, byte for byte."""
from benchmarks.compare_builds import compare, main


def tree(root, files):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_identical_trees_pass_and_one_changed_byte_fails(tmp_path, capsys):
    files = {"index.html": b"<p>a</p>\n", "tinh/ha-noi/index.html": b"x" * 100}
    first, second = tree(tmp_path / "a", files), tree(tmp_path / "b", files)
    assert main([str(first), str(second)]) == 0
    (second / "tinh/ha-noi/index.html").write_bytes(b"x" * 99 + b"y")
    (second / "extra.txt").write_bytes(b"")
    result = compare(first, second)
    assert result["different"] == ["tinh/ha-noi/index.html"] and result["only_in_second"] == ["extra.txt"]
    assert main([str(first), str(second)]) == 1
    assert "different: tinh/ha-noi/index.html: line 1" in capsys.readouterr().out


def test_an_ignored_pattern_is_blanked_before_comparing(tmp_path):
    first = tree(tmp_path / "a", {"p.html": b'<meta name="generator" content="mkdocs-1.6.1, x">'})
    second = tree(tmp_path / "b", {"p.html": b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, x">'})
    assert compare(first, second)["different"] == ["p.html"]
    assert compare(first, second, ignore='content="mkdocs-[^"]*"')["different"] == []

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


def test_equivalent_entities_compares_quotes_whatever_their_spelling(tmp_path):
    first = tree(tmp_path / "a", {"p.html": b'<a title="&quot;x&#x27;">&quot;y&quot;</a>', "f.xml": b'<t>"z\'</t>'})
    second = tree(tmp_path / "b", {"p.html": b'<a title="&#34;x&#39;">&#34;y&#34;</a>', "f.xml": b"<t>&#34;z&#39;</t>"})
    assert compare(first, second)["different"] == ["f.xml", "p.html"]
    assert compare(first, second, equivalent_entities=True)["different"] == []
    assert main([str(first), str(second), "--equivalent-entities"]) == 0
    (second / "p.html").write_bytes(b'<a title="&#34;x&#39;">&#34;y&#34;</a> ')  # any other byte still counts
    assert compare(first, second, equivalent_entities=True)["different"] == ["p.html"]

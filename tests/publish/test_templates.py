"""One way to make HTML: the publish package's templates, each value escaped exactly once."""
import ast
import re
from pathlib import Path

from markupsafe import Markup

from build_tools.publish import templates
from build_tools.publish.templates import Toc, environment, render, render_body

PUBLISH = Path(templates.__file__).resolve().parent
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?=[\s>/])")

# String literals in build_tools/publish/*.py allowed to hold a tag, with the reason.
ALLOWED_TAGS = {
    ("links.py", "(<pre[\\s>].*?</pre>|<textarea[\\s>].*?</textarea>)"):
        "a pattern that reads HTML (links inside <pre> and <textarea> are left alone), writes none",
    ("links.py", "</article>"):
        "where the article ends, read to keep its line breaks (without_indentation); writes none",
}


def string_literals(path: Path):
    """Every string literal of a module (f-string pieces included) but its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_publish_module_writes_html_tags_in_python():
    found = [f"{path.name}:{line}: {text[:60]!r}" for path in sorted(PUBLISH.glob("*.py"))
             for line, text in string_literals(path)
             if TAG.search(text) and (path.name, text) not in ALLOWED_TAGS]
    assert not found, "HTML belongs in build_tools/templates/ (or ALLOWED_TAGS, with the reason):\n" + "\n".join(found)


def test_the_guard_sees_tags_in_f_strings(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text('"""<p>docs may show tags</p>"""\nx = 1\nline = f"<li>{x}</li>"\n', encoding="utf-8")
    assert [text for _, text in string_literals(module) if TAG.search(text)] == ["<li>", "</li>"]


def test_values_are_escaped_once_and_markup_passes_through():
    page = environment().from_string('<a title="{{ t }}">{{ t }}</a>{{ m }}{{ n }}{{ s }}')
    values = dict(t='"<Đà Nẵng>" & \'x\'', m=Markup("<b>ok</b>"), n=3, s="&#34;")
    assert page.render(**values) == (
        '<a title="&#34;&lt;Đà Nẵng&gt;&#34; &amp; &#39;x&#39;">'
        "&#34;&lt;Đà Nẵng&gt;&#34; &amp; &#39;x&#39;</a><b>ok</b>3&amp;#34;")


def test_every_template_is_written_as_rendered_one_spelling_of_quotes():
    """No template has settings of its own and nothing respells the output: a notice body's text,
    its marks' notes and an index page's values all write quotes as autoescape does."""
    from build_tools.text import Piece

    assert not hasattr(templates, "respell_quotes") and not hasattr(templates, "OWN_SETTINGS")
    blocks = [("paragraph", "doan-1", 0, [Piece('say "hi" ', True, None, None),
                                          Piece("it's", False, "ocr-fix", 'read "lt\'s"')]),
              ("heading", "muc-1", 1, [Piece("A <b>", False, None, None)]),
              ("item", "muc-1-a", 2, [Piece("a) x", False, None, None)])]
    assert render("notice_body.html.j2", blocks=blocks) == (
        '<p id="doan-1"><strong>say &#34;hi&#34; </strong>'
        '<span class="ocr-fix" title="read &#34;lt&#39;s&#34;">it&#39;s</span></p>\n'
        '<h3 id="muc-1">A &lt;b&gt;</h3>\n'  # its § link is added by archive-page.js, as a paragraph's
        '<p id="muc-1-a" class="level-2">a) x</p>\n')  # no class but the level: the anchor tells item from paragraph


def test_headings_get_unique_ids_and_a_table_of_contents():
    body = render_body("index/related.html.j2", earlier=None, later=None, in_archive=[], same=[])
    assert body.toc == [[2, "van-ban-lien-quan", "Văn bản liên quan"]]
    toc = Toc()
    assert [toc.add(2, "Hà Nội"), toc.add(2, "Hà Nội"), toc.add(3, "x", "ha-noi")] == ["ha-noi", "ha-noi_1",
                                                                                       "ha-noi_2"]


def test_the_feed_escapes_xml_and_keeps_its_shape():
    class Entry:
        title, url, updated, summary = "A & <B>", "https://x.vn/a/", "2021-08-02T00:00:00Z", 'say "hi"'

    feed = render("feed.xml.j2", base="https://x.vn/", day="2021-08-03", entries=[Entry])
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')
    assert "<title>A &amp; &lt;B&gt;</title>" in feed and "<summary>say &#34;hi&#34;</summary>" in feed
    assert feed.endswith("  </entry>\n</feed>\n")


def test_templates_never_print_raw():
    """``|safe`` would print source text raw."""
    for path in sorted(templates.TEMPLATES.rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", source), path.relative_to(templates.TEMPLATES).as_posix()

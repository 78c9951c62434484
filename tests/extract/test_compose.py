"""The composition of an order (compose.py): a verb class and an object class in one clause."""
import re

from build_tools.extract.compose import composed_level, verb_and_object, verb_classes
from build_tools.extract.textutil import fold

SPEC = {"objects": ["cua hang", "quan an"],
        "verbs": [{"name": "stop", "words": ["tam dung", "dong cua"], "level": None},
                  {"name": "limit", "words": ["han che"], "level": 1}]}


def test_verb_and_object_match_in_either_order_within_one_clause():
    pattern = re.compile(verb_and_object("cua hang", "dong cua", 40))
    assert pattern.search(fold("Đóng cửa các cửa hàng quần áo"))
    assert pattern.search(fold("Các cửa hàng quần áo tạm thời đóng cửa"))
    assert pattern.search(fold("Đối với cửa hàng quần áo: đóng cửa"))
    assert not pattern.search(fold("Các cửa hàng mở cửa bình thường; đóng cửa công viên"))  # another clause


def test_one_order_only_and_the_window():
    verb_first = re.compile(verb_and_object("di lai", "khong", 2, "verb_first"))
    assert verb_first.search("khong di lai")
    assert not verb_first.search("di lai khong")
    assert not verb_first.search("khong duoc phep di lai")  # beyond the window
    object_first = re.compile(verb_and_object("hoc sinh", "nghi hoc", 30, "object_first"))
    assert object_first.search("hoc sinh mam non nghi hoc")
    assert not object_first.search("nghi hoc sinh")


def test_the_first_verb_class_that_matches_decides_the_level():
    classes = verb_classes(SPEC)
    assert [c.name for c in classes] == ["stop", "limit"]
    assert composed_level(classes, fold("Hạn chế khách tại quán ăn, tạm dừng cửa hàng")) == (True, None)
    assert composed_level(classes, fold("Hạn chế số khách tại các quán ăn")) == (True, 1)
    assert composed_level(classes, fold("Hạn chế tụ tập đông người")) == (False, None)


def test_a_verb_inside_another_word_is_not_a_verb():
    pattern = re.compile(verb_and_object("cua hang", "han che", 40))
    assert not pattern.search("cua hang khan chem")


def test_the_anchor_places_windows_around_objects_only():
    from build_tools.extract.compose import object_anchor
    anchor = object_anchor({"objects": ["(?<!kho\\s)cua hang"], "verbs": [{"name": "stop", "words": ["dong cua"]}]})
    text = "x " * 200 + "dong cua cac cua hang" + " y" * 200
    windows = anchor.windows(text)
    assert len(windows) == 1
    low, high = windows[0]
    assert low <= text.index("dong cua") and high >= text.index("cua hang") + 8
    assert high - low < len(text) // 2
    assert anchor.windows("khong co gi") == []

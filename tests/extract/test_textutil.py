"""Text helpers of extraction: sentences."""


def test_abbreviations_that_do_not_end_a_sentence_are_read_from_structure_yml(monkeypatch):
    from build_tools.extract import textutil

    text = "Gặp ThS. Nguyễn Văn An. Sau đó họp."
    assert len(list(textutil.sentence_spans(text))) == 2
    real = textutil.load_yaml
    textutil._abbreviation.cache_clear()
    monkeypatch.setattr(textutil, "load_yaml", lambda name: dict(real(name), unfinished_abbreviations=["Dr"]))
    try:
        assert len(list(textutil.sentence_spans(text))) == 3  # "ThS." now ends a sentence
        assert len(list(textutil.sentence_spans("Gặp Dr. Nguyễn Văn An. Sau đó họp."))) == 2
    finally:
        textutil._abbreviation.cache_clear()

"""Words, document numbers and queries, as the index and the browser read them."""
from build_tools.search.tokenize import MAX_TERM_LENGTH, parse_query, tokens, variant_counts, word_sequence


def terms(query):
    return [(w.term, w.prefix) for w in query.words]


def test_words_are_folded_runs_of_letters_and_digits():
    assert tokens("Cách ly 21 ngày, F0 tại nhà!") == ["cach", "ly", "21", "ngay", "f0", "tai", "nha"]


def test_document_numbers_are_one_term_and_their_words():
    assert tokens("theo 68/NQ-CP") == ["theo", "68/nq-cp", "68", "nq", "cp"]
    assert tokens("2927-TB/TU") == ["2927-tb/tu", "2927", "tb", "tu"]
    assert tokens("23/2021/QĐ-TTg") == ["23/2021/qd-ttg", "23", "2021", "qd", "ttg"]
    assert "23/2021/qd-ttg" in tokens("23/2021/QÐ-TTg")  # eth for Đ


def test_hyphenated_words_and_numbers_without_slash_are_only_words():
    assert tokens("COVID-19") == ["covid", "19"]
    assert tokens("UBND-VX") == ["ubnd", "vx"]
    assert tokens("2279/UBND-VX")[0] == "2279/ubnd-vx"


def test_a_number_inside_a_longer_compound_is_not_cut_out_of_it():
    assert "12/x" not in tokens("abc/12/x")


def test_variant_counts_keep_accents_and_numbers():
    counts = variant_counts("Tỉnh ủy, tỉnh, TÌNH; số 68/NQ-CP")
    assert counts["tỉnh"] == 2 and counts["tình"] == 1
    assert counts["68/nq-cp"] == 1 and counts["nq"] == 1


def test_overlong_runs_are_not_indexed():
    junk = "x" * (MAX_TERM_LENGTH + 1)
    assert junk not in variant_counts(f"a {junk} b") and tokens(f"a {junk} b") == ["a", "b"]


def test_word_sequence_is_what_phrases_match():
    assert word_sequence("Cách ly, tập trung") == ["cach", "ly", "tap", "trung"]


def test_query_words_all_required_and_last_one_is_a_prefix_while_typing():
    assert terms(parse_query("cách ly tập tr")) == [("cach", False), ("ly", False), ("tap", False), ("tr", True)]
    assert terms(parse_query("cách ly ")) == [("cach", False), ("ly", False)]
    assert terms(parse_query("cach l", prefix=False)) == [("cach", False), ("l", False)]


def test_query_keeps_accented_forms_for_ranking():
    (word,) = parse_query("Tỉnh ", prefix=False).words
    assert word.term == "tinh" and word.form == "tỉnh" and word.accented
    assert not parse_query("tinh").words[0].accented


def test_query_numbers_are_single_terms():
    assert terms(parse_query("68/NQ-CP ")) == [("68/nq-cp", False)]
    assert terms(parse_query("nghị quyết 68/nq")) == [("nghi", False), ("quyet", False), ("68/nq", True)]


def test_quoted_phrases():
    query = parse_query('"cách ly tập trung" quảng ninh')
    assert [w.term for w in query.phrases[0]] == ["cach", "ly", "tap", "trung"]
    assert [w.term for w in query.words] == ["cach", "ly", "tap", "trung", "quang", "ninh"]
    assert query.words[-1].prefix


def test_unclosed_quote_is_a_phrase_whose_last_word_is_being_typed():
    query = parse_query('"cách ly tập tr')
    assert [(w.term, w.prefix) for w in query.phrases[0]][-1] == ("tr", True)


def test_closed_quote_ends_typing_and_one_word_quotes_are_words():
    query = parse_query('"cách ly"')
    assert not any(w.prefix for w in query.words)
    assert parse_query('"dịch" bệnh ').phrases == ()


def test_repeated_words_count_once_and_a_finished_word_beats_its_prefix():
    assert terms(parse_query("dịch bệnh dịch")) == [("dich", False), ("benh", False)]


def test_empty_and_punctuation_queries_have_no_words():
    assert parse_query("").words == () and parse_query(" ,.; ").words == ()


from collections import Counter  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from build_tools.vietnamese.fold import fold  # noqa: E402


@given(st.text(alphabet="aáÁđĐÐ1290/-_ .,xQ\u0301ǅ²", max_size=40))
def test_index_terms_are_the_tokens_the_browser_sees(text):
    """What the index counts (variant_counts) folds to exactly what tokens() yields."""
    indexed = Counter()
    for variant, count in variant_counts(text).items():
        indexed[fold(variant)] += count
    assert indexed == Counter(tokens(text))


from build_tools.search.tokenize import pair_counts, pair_counts_of  # noqa: E402


def test_pairs_are_adjacent_words_with_their_case_votes():
    every, titled, cased = pair_counts("Huyện Vân Đồn, tỉnh Quảng Ninh - HUYỆN VÂN ĐỒN; vận-động/tốt")
    assert every == Counter({"huyện vân": 2, "vân đồn": 2, "tỉnh quảng": 1, "quảng ninh": 1,
                             "vận động": 1, "động tốt": 1, "ninh huyện": 1})
    assert titled["vân đồn"] == 1 and titled["quảng ninh"] == 1 and "tỉnh quảng" not in titled
    assert cased["vân đồn"] == 1  # the ALL CAPS heading votes for neither reading
    assert "đồn tỉnh" not in every  # a comma ends the phrase


@given(st.lists(st.text(alphabet="aăbĐđ ÂÊ-/.,\n_x\u0301", max_size=40), max_size=4))
def test_pairs_of_several_texts_are_their_sum_and_never_span_two(texts):
    summed = (Counter(), Counter(), Counter())
    for text in texts:
        for into, counts in zip(summed, pair_counts(text)):
            into.update(counts)
    assert pair_counts_of(texts) == summed

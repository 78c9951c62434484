"""OCR repair: syllable checker, repairs of seed 003, clean text left alone, records, properties."""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.clean.ocr import (
    DATA_DIR,
    KNOWN,
    LATIN,
    SPLIT,
    Lexicon,
    OcrResult,
    get_lexicon,
    repair_ocr,
    simulate_ocr_noise,
    word_errors,
)
from build_tools.model import Change, OcrQuality
from tests.support.paths import ROOT, congbao_files, seed

FIXTURE = ROOT / "tests" / "fixtures" / "ocr" / "003_060b8d47a4e00a89.corrected.txt"
CLEAN_SEEDS = ("000", "001", "002", "004")


def read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_003() -> tuple[str, OcrResult, str]:
    raw = read(seed("003"))
    return raw, repair_ocr(raw), read(FIXTURE)


def apply(text: str, changes: list[Change]) -> str:
    for change in sorted(changes, key=lambda c: c.offset, reverse=True):
        assert text[change.offset:change.offset + len(change.before)] == change.before
        text = text[:change.offset] + change.after + text[change.offset + len(change.before):]
    return text


def structure(text: str) -> tuple[list[str], int]:
    """Separators (everything that is not a word) and the number of words."""
    parts = SPLIT.split(text)
    return parts[0::2], len(parts[1::2])


# --- seed 003 --------------------------------------------------------------------------


def test_seed_003_word_error_rate_and_no_correct_word_broken(seed_003):
    """Seed 003 is another engine's OCR, a held-out test never trained on (target 0.5 %). Until the
    issue-17 follow-up the repair held rules seed 003 had suggested ({U}->tr for "ừên", r->n for
    "rửi", ...) and a lexicon counted with the clean seeds: 0.52 %. With only generic letter-shape
    rules and a lexicon from the Công báo corpus alone, it measures 1.26 % (44 of 3,485), and one
    correct word is broken ("tỉnh" -> "tính", a real-word repair the seed-free lexicon favours).
    With the domain text counted too (health phrases, vocabularies): 1.29 % (45), one repair of
    "nhiều tình, thành phố" now just short of the evidence it needs (ratio 99.9 against 100).
    With word triples (real-triple) and letter-group edits for non-words (issue-17 follow-up 4,
    tuned on generated scans and synthetic noise of the training split, never on this seed): 1.03 %
    (36; 0.92 % before loanwords written as two syllables were kept out of letter-group edits). That
    is the honest held-out figure; the bound below is it, not the target (0.5 %)."""
    raw, result, reference = seed_003
    before, words, _ = word_errors(raw, reference)
    after, _, residual = word_errors(result.text, reference)
    assert before / words > 0.02  # the fixture really differs from the raw OCR
    assert after <= 36, residual
    assert after < before / 2  # the repair still more than halves the other engine's errors
    broken = [(r, o) for r, o, f in zip(SPLIT.findall(raw), SPLIT.findall(result.text), SPLIT.findall(reference))
              if r == f and o != f]
    assert len(broken) <= 1, broken


def test_seed_003_typical_repairs(seed_003):
    """Repairs the generic rules make on another engine's OCR (li->h, ni->m, marks by the lexicon)."""
    _raw, result, _reference = seed_003
    pairs = {(c.before, c.after) for c in result.changes}
    for pair in [("nlianh", "nhanh"), ("bệnli", "bệnh"), ("nhiệni", "nhiệm"), ("ƯBND", "UBND"),
                 ("thầm", "thẩm"), ("vỊ", "vị")]:
        assert pair in pairs
    assert "các nghị quyết, chi thị" in result.text  # too little context: left alone


def test_every_change_is_recorded_and_replays(seed_003):
    raw, result, _ = seed_003
    assert result.changes
    for change in result.changes:
        assert change.stage == "ocr" and change.kind == "ocr-repair"
        assert raw[change.offset:change.offset + len(change.before)] == change.before
        assert change.line == raw.count("\n", 0, change.offset) + 1
        assert change.before != change.after and change.reason
        assert 0.0 < change.confidence <= 1.0
    assert apply(raw, result.changes) == result.text


def test_flagged_words_are_left_as_they_are(seed_003):
    raw, result, _ = seed_003
    for flag in result.flagged:
        assert raw[flag["offset"]:flag["offset"] + len(flag["word"])] == flag["word"]
        assert flag["line"] == raw.count("\n", 0, flag["offset"]) + 1
        assert flag["word"] in SPLIT.findall(result.text)
        assert isinstance(flag["candidates"], list)


def test_quality_counts_suspicious_words(seed_003):
    raw, result, _ = seed_003
    quality = result.quality
    assert isinstance(quality, OcrQuality)
    assert quality.words == len(SPLIT.findall(raw))
    assert quality.suspicious_before >= 30
    assert quality.suspicious_after == len(result.flagged) < quality.suspicious_before


def test_repair_keeps_lines_and_separators(seed_003):
    raw, result, _ = seed_003
    assert structure(result.text) == structure(raw)
    assert result.text.count("\n") == raw.count("\n")


def test_common_valid_syllables_missing_from_legal_text_are_not_errors(seed_003):
    """Issue 14 (6): "người lạ" became "người lá" because legal text never says "lạ"; the lexicon
    must know the language (general syllable frequencies), not only legal vocabulary."""
    _raw, result, _reference = seed_003
    pairs = {(c.before, c.after) for c in result.changes}
    assert ("lạ", "lá") not in pairs and ("khó", "kho") not in pairs
    assert "người lạ xuất hiện" in result.text and "khó dự báo" in result.text
    text = "Ủy ban nhân dân tỉnh yêu cầu phát hiện kịp thời người lạ đến địa phương."
    assert repair_ocr(text).text == text


def test_a_valid_word_changes_only_when_the_pairs_on_both_sides_favour_the_change():
    """Issue 14 (6): "khó dự báo" became "kho dự báo" on a noisy text: legal text has "kho dự trữ",
    but the word before ("<,>" here) argued against "kho"."""
    from build_tools.clean.ocr import get_lexicon

    lexicon = get_lexicon()
    left = lexicon._side(lexicon._left_cache, "<,>", "khó", True)
    right = lexicon._side(lexicon._right_cache, "khó", "dự", False)
    index = [a for a, _ in lexicon.alternatives("khó")].index("kho")
    assert right[1][index] > 100 and left[1][index] < 1  # one side for, one side against
    assert lexicon.real_word("<,>", "khó", "dự") is None or lexicon.real_word("<,>", "khó", "dự")[0] != "kho"


def test_valid_syllables_the_language_does_not_use_are_still_repaired():
    from build_tools.vietnamese.syllables import general_frequency

    assert general_frequency("lạ") > 5 and general_frequency("theọ") is None
    noisy = "Giao ƯBND tỉrửi triến khai theọ quy định; tình hình dịch bệnh ừên địa bàn tỉrửi còn phức tạp."
    assert "triển khai theo quy định" in repair_ocr(noisy).text


# --- clean text ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", CLEAN_SEEDS)
def test_clean_seeds_unchanged(prefix):
    """The seeds are not counted in the lexicon (they are tests): a clean seed is left exactly as
    it is; a word the Công báo never uses may be flagged for a reader ("kit"), never changed."""
    text = read(seed(prefix))
    result = repair_ocr(text)
    assert result.changes == [] and result.text == text
    assert result.quality.suspicious_before <= 1
    assert all(flag["word"].isascii() for flag in result.flagged), result.flagged


def test_acronyms_numbers_and_foreign_words_untouched():
    text = ("UBND tỉnh, HĐND, BCĐ, MTTQ, PCR, F0, H5N1, 5K, SARS-CoV-2, biến chủng Omicron và Delta, "
            "số 271/QĐ-BCĐQG, 18-CT/TU, trực 24/24/7, www.chinhphu.vn, mRNA, iPhone, Kon Tum, Đắk Lắk.")
    result = repair_ocr(text)
    assert result.text == text, result.changes


def test_real_word_needs_overwhelming_context():
    # a clean text: "tình" is right where the pairs allow it, and nothing is noisy
    clean = "Trong tình hình mới, các tình nguyện viên tham gia phòng, chống dịch của tỉnh."
    assert repair_ocr(clean).text == clean
    noisy = "Giao ƯBND tình chi đạo các sở, ngành triến khai thầm định trên địa bàn tỉnli."
    repaired = repair_ocr(noisy).text
    assert "UBND tỉnh chỉ đạo" in repaired and "trên địa bàn tỉnh." in repaired
    # "thầm định" (a valid word) is no longer changed here: with seed 003's rules removed, this text
    # has too few non-words to count as noisy, and a valid word then needs overwhelming context


def test_stray_vietnamese_letter_in_a_latin_word():
    result = repair_ocr("Đẩy nhanh tiến độ tiêm vaccỉne cho người dân toàn tỉnh.")
    assert result.text == "Đẩy nhanh tiến độ tiêm vaccine cho người dân toàn tỉnh."


def test_case_is_restored():
    result = repair_ocr("Thòi gian tới, ỦY BAN NHÂN DÂN TỈNH chỉ đạo ĐƠN VỊ ƯBND.")
    assert result.text.startswith("Thời gian tới")
    assert result.text.endswith("UBND.")


@pytest.mark.corpus
def test_congbao_changes_at_most_one_word_in_ten_thousand():
    words = changes = 0
    for path in congbao_files()[::4]:
        result = repair_ocr(read(path))
        words += result.quality.words
        changes += len(result.changes)
    assert words > 300_000
    assert changes / words <= 1e-4, changes


@pytest.mark.corpus
def test_synthetic_noise_on_an_unseen_notice():
    """Seed 004 garbled with the confusion model (partly circular) and repaired with a
    lexicon counted without it."""
    corpus = [read(path) for path in congbao_files()]
    others = [read(seed(prefix)) for prefix in CLEAN_SEEDS if prefix != "004"]
    lexicon = Lexicon.from_texts(corpus + others)
    clean = read(seed("004"))
    noisy = simulate_ocr_noise(clean, rate=0.034, seed=2021, lexicon=lexicon)
    before, words, _ = word_errors(noisy, clean)
    after, _, residual = word_errors(repair_ocr(noisy, lexicon).text, clean)
    assert before / words > 0.02
    assert after / words < 0.01 and after < before / 3, residual


# --- data --------------------------------------------------------------------------------


def test_lexicon_is_loaded_once_and_modest():
    assert get_lexicon() is get_lexicon()
    size = sum(path.stat().st_size for path in DATA_DIR.iterdir() if path.is_file())
    assert size < 8_000_000


def test_lexicon_from_texts_counts_pairs_and_boundaries():
    lexicon = Lexicon.from_texts(["Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh."] * 2, domain=False)
    assert lexicon.uni["tỉnh"] == 4
    assert lexicon.big["nhân"]["dân"] == 4
    assert lexicon.big["tỉnh"]["<,>"] == 2 and lexicon.big["tỉnh"]["<.>"] == 2


def test_lexicon_from_texts_counts_triples_and_backs_off_to_pairs():
    lexicon = Lexicon.from_texts(["Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện."] * 3, domain=False)
    assert lexicon.tri[("nhân", "dân", "tỉnh")] == 3 and lexicon.tri[("tỉnh", "<,>", "ủy")] == 3
    # a triple seen is likelier than its pair alone says; an unseen history is the pair model
    assert lexicon.p_tri("nhân", "dân", "tỉnh") > lexicon.p_next("dân", "tỉnh")
    assert lexicon.p_tri("ban", "ủy", "dân") == lexicon.p_next("ủy", "dân")
    # the triples and the back-off weight of a history leave a distribution that sums to one
    total = sum(lexicon.p_tri("nhân", "dân", word) for word in lexicon.uni)
    assert total == pytest.approx(1.0, abs=0.02)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["tỉnh", "chỉ", "đạo", "x"]),
                          st.sampled_from([" ", "\n", ", ", ". ", "\n\n", " (", "5 "])), min_size=1, max_size=8))
def test_the_context_of_a_word_is_what_the_triples_were_counted_from(pieces):
    """The two tokens on each side that a real-word decision reads are those ``token_sequence``
    counts around the word, boundaries included."""
    from build_tools.clean.ocr import BOUNDARY, _triple_context, adjacent, boundary, token_sequence

    text = "".join(word + sep for word, sep in pieces)
    seps = SPLIT.split(text)[0::2]
    words = [word.lower() for word in SPLIT.split(text)[1::2]]
    bnd = [None if adjacent(sep) else boundary(sep) for sep in seps]
    bnd[0] = bnd[-1] = BOUNDARY
    sequence = token_sequence(text)
    positions = [k for k, token in enumerate(sequence) if token not in ("<.>", "<,>", "<->")]
    padded = [BOUNDARY, *sequence, BOUNDARY]
    for j, k in enumerate(positions):
        assert _triple_context(bnd, words, j) == tuple(padded[k - 1:k + 4]), (text, j)


def _triple_lexicon(with_triple: bool = True) -> Lexicon:
    """A made-up usage: "cầu đối" is common ("yêu cầu đối với"), "đổi mới" is common, and (or not)
    "yêu cầu đổi mới" is written a few times."""
    texts = (["Cơ quan yêu cầu đối với các đơn vị."] * 30 + ["Tiếp tục đổi mới công tác."] * 30
             + ["Các sở, ngành công tác tốt."] * 5)
    if with_triple:
        texts += ["Nhân dân yêu cầu đổi mới công tác."] * 4
    return Lexicon.from_texts(texts, domain=False)


def test_word_triples_repair_a_word_one_pair_argues_for():
    """Read "đối" (acute for hook) with low confidence: the pair "cầu đối" argues for keeping it,
    the triples around it ("yêu cầu đổi", "cầu đổi mới", "đổi mới công") say "đổi"."""
    text = "Cơ quan yêu cầu đối mới công tác."
    confidences = [95, 95, 95, 95, 60, 95, 95, 95]
    lexicon = _triple_lexicon()
    result = repair_ocr(text, lexicon, confidences=confidences)
    assert result.text == "Cơ quan yêu cầu đổi mới công tác."
    assert [change.code for change in result.changes] == ["real-triple"]
    assert repair_ocr(result.text, lexicon, confidences=confidences).text == result.text


def test_word_triples_need_neighbours_that_vouch_and_an_unsure_or_noisy_reading():
    text = "Cơ quan yêu cầu đối mới công tác."
    unsure = [95, 95, 95, 95, 60, 95, 95, 95]
    # no triple with the replacement was ever written: the pairs alone do not repair it
    assert repair_ocr(text, _triple_lexicon(with_triple=False), confidences=unsure).text == text
    # a clean text without the engine's doubt: left alone
    assert repair_ocr(text, _triple_lexicon()).text == text


# --- the text's own word pairs (a cache model) ------------------------------------------------

def _document_lexicon() -> Lexicon:
    """A made-up usage in which "tiêm" and "tiềm" are both common but neither was ever written
    beside "điểm" or "lưu": the legal corpus cannot tell which one "Điểm tiềm lưu động" means."""
    texts = (["Người dân đi tiêm vắc xin đầy đủ."] * 20 + ["Tiềm năng của tỉnh còn lớn."] * 20
             + ["Điểm thi mở cửa lúc bảy giờ."] * 10 + ["Đội lưu động đến từng thôn."] * 10)
    return Lexicon.from_texts(texts, domain=False)


_DOCUMENT = "Điểm tiêm lưu động mở cửa lúc bảy giờ. Điểm tiềm lưu động đến từng thôn. Điểm tiêm lưu động đóng cửa."


def _unsure(text: str, word: str) -> list[float]:
    """Confidences of a reading sure of every word but ``word``."""
    words = SPLIT.findall(text)
    confidences = [95.0] * len(words)
    confidences[words.index(word)] = 50.0
    return confidences


def test_document_pairs_count_adjacent_words_and_leave_the_word_itself_out():
    from build_tools.clean.ocr import BOUNDARY, KNOWN_ALTS, NONWORD, DocumentPairs

    lows = ["điểm", "tiêm", "lưu", "điểm", "tiêm", "ừên", "tiêm"]
    bnd = [BOUNDARY, None, None, "<.>", None, None, None, BOUNDARY]  # a stop between "lưu" and "điểm"
    kinds = [KNOWN_ALTS] * 5 + [NONWORD, KNOWN_ALTS]  # a garble vouches for nothing, nor for itself
    pairs = DocumentPairs(lows, bnd, kinds)
    assert pairs.pairs == {("điểm", "tiêm"): 2, ("tiêm", "lưu"): 1}
    assert pairs.firsts == {"điểm": 2, "tiêm": 1}
    assert pairs._own(5) == (None, None) and pairs._elsewhere(("tiêm", "ừên"), pairs._own(5)) == 0
    own = pairs._own(1)
    assert own == (("điểm", "tiêm"), ("tiêm", "lưu"))
    assert pairs._elsewhere(("điểm", "tiêm"), own) == 1 and pairs._elsewhere(("tiêm", "lưu"), own) == 0
    assert pairs._firsts_elsewhere("điểm", own) == 1


def test_a_word_the_text_reads_right_elsewhere_in_the_same_pairs_is_repaired():
    """"Điểm tiêm lưu động" twice, "Điểm tiềm lưu động" once, read unsure: the text's own pairs decide
    where the legal corpus has seen neither; the repair says so (code real-document) and is stable."""
    lexicon = _document_lexicon()
    confidences = _unsure(_DOCUMENT, "tiềm")
    result = repair_ocr(_DOCUMENT, lexicon, confidences=confidences)
    assert result.text == _DOCUMENT.replace("tiềm", "tiêm")
    assert [(c.before, c.after, c.code) for c in result.changes] == [("tiềm", "tiêm", "real-document")]
    assert repair_ocr(result.text, lexicon, confidences=confidences).changes == []


def test_the_text_own_pairs_do_not_repair_a_word_it_reads_so_elsewhere_or_a_sure_one():
    lexicon = _document_lexicon()
    # the text reads "điểm tiềm" at another place too: the word as read is attested in its context
    twice = _DOCUMENT + " Điểm tiềm năng của tỉnh."
    words = SPLIT.findall(twice)
    confidences = [95.0] * len(words)
    confidences[words.index("tiềm")] = 50.0
    assert repair_ocr(twice, lexicon, confidences=confidences).text == twice
    # read with confidence (a clean text, no word unsure): nothing changes
    assert repair_ocr(_DOCUMENT, lexicon, confidences=[95.0] * len(SPLIT.findall(_DOCUMENT))).text == _DOCUMENT
    # without the text's own pairs (document_weight off) the legal corpus alone does not repair it
    lexicon.params = {key: value for key, value in lexicon.params.items() if key != "document_weight"}
    assert repair_ocr(_DOCUMENT, lexicon, confidences=_unsure(_DOCUMENT, "tiềm")).text == _DOCUMENT


# --- properties ----------------------------------------------------------------------------

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
WORDS = ["tỉnh", "tình", "chi", "chỉ", "ừên", "tỉrửi", "ƯBND", "UBND", "nlianh", "thầm", "quyền",
         "Realtứne", "PCR", "Covid", "hình", "hinh", "đạọ", "vỊ", "tmh", "dịch", "bệnh", "nhân", "dân"]
token = st.one_of(st.sampled_from(WORDS),
                  st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "fjwz", min_size=1, max_size=7))
separator = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", " - ", "/", "-", "1", " (", ") ", "\n\n", ": "])


@st.composite
def notices(draw):
    tokens = draw(st.lists(token, max_size=40))
    seps = draw(st.lists(separator, min_size=len(tokens) + 1, max_size=len(tokens) + 1))
    return seps[0] + "".join(t + s for t, s in zip(tokens, seps[1:]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
@example(" vị vị chỉ uÀ AAÀ AAÀ ")  # failed once (issue 17)
@example(" tình chi đạọ tỉnh AAÀ đạọ ")  # a repair two words on changed the pair decision before it
def test_repair_is_idempotent_and_only_replaces_words(text):
    result = repair_ocr(text)
    assert structure(result.text) == structure(text)
    assert apply(text, result.changes) == result.text
    changed = sum(1 for a, b in zip(SPLIT.findall(text), SPLIT.findall(result.text)) if a != b)
    assert changed == len(result.changes)
    again = repair_ocr(result.text)
    assert again.text == result.text and again.changes == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_repair_never_raises_on_any_text(text):
    text = unicodedata.normalize("NFC", text)
    result = repair_ocr(text)
    assert structure(result.text) == structure(text)
    assert repair_ocr(result.text).text == result.text


@pytest.mark.corpus
def test_committed_lexicon_is_what_make_lexicon_counts(tmp_path):
    import subprocess
    import sys

    congbao = congbao_files()[0].parent
    script = DATA_DIR / "make_lexicon.py"
    subprocess.run([sys.executable, str(script), "--corpus", str(congbao), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("unigrams.tsv", "bigrams.tsv", "trigrams.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


# --- case ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("BAN CHỈ ĐẠO phòng CHỐNG DỊCH TỈNH\n", "BAN CHỈ ĐẠO PHÒNG CHỐNG DỊCH TỈNH\n"),
    ("TM. ỦY BAN NHÂN dân TỈNH\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN TỈNH\nCHỦ TỊCH"),
    ("các biện pháp sau:\n3. tăng cường kiểm tra", "các biện pháp sau:\n3. Tăng cường kiểm tra"),
])
def test_a_word_in_the_wrong_case_takes_the_case_of_its_line(text, expected):
    result = repair_ocr(text)
    assert result.text == expected and {c.code for c in result.changes} <= {"capitals-run", "numbered-heading"}
    assert repair_ocr(result.text).changes == []


@pytest.mark.parametrize("text", [
    "theo Nghị quyết số 12/NQ-HĐND của HĐND tỉnh và Ban cán sự đảng UBND tỉnh\n",
    "BCS đảng UBND tỉnh,\n",
    "KẾ HOẠCH\nvề việc tổ chức tiêm vắc xin\n",
    "tăng 15. các ca mắc",
    "NGƯỜI NỘP THUẾ hoặc\nĐẠI DIỆN HỢP PHÁP CỦA NGƯỜI NỘP THUẾ\n",
])
def test_acronyms_and_other_lines_keep_their_case(text):
    assert repair_ocr(text).changes == []


# --- confident readings, domain text, place names ---------------------------------------------

def _words(text: str) -> int:
    return len(text.split())


@pytest.fixture(scope="module")
def legal_lexicon() -> Lexicon:
    """The Công báo alone, without the domain text: "họ" (they) common, "ho" (cough) rare."""
    return Lexicon.from_texts([read(path) for path in congbao_files()], domain=False)


@pytest.mark.corpus
def test_a_confidently_read_valid_word_needs_a_neighbouring_word_to_vouch(legal_lexicon):
    """Punctuation is no context: "sốt, ho, khó thở" read with good confidence stays,
    the same word read less sure is still a repair candidate."""
    text = "Người có triệu chứng sốt, ho, khó thở phải báo ngay."
    sure = repair_ocr(text, legal_lexicon, [97.0] * _words(text))
    assert sure.changes == []
    unsure = repair_ocr(text, legal_lexicon, [80.0] * _words(text))
    assert [(c.before, c.after) for c in unsure.changes] == [("ho", "họ")]


def test_domain_text_gives_health_words_their_context():
    lexicon = get_lexicon()
    assert lexicon.big["ho"]["<,>"] >= 5 and lexicon.big["<,>"]["ho"] >= 5
    text = "Người có triệu chứng sốt, ho, khó thở phải báo ngay cho trạm y tế."
    for confidence in (40.0, 80.0, 97.0, None):
        confidences = None if confidence is None else [confidence] * _words(text)
        assert repair_ocr(text, confidences=confidences).changes == [], confidence


def test_domain_text_is_plain_vietnamese_and_taken_from_no_notice_we_measure_on():
    from build_tools.clean.ocr import domain_texts

    texts = domain_texts()
    assert len(texts) > 500
    assert not [t for t in texts if any(ch in t for ch in "\\[]()|^$*+?")]
    measured = [read(path) for path in sorted((ROOT / "source_texts").glob("*.txt"))]
    measured.append((ROOT / "benchmarks" / "written_notices.yml").read_text(encoding="utf-8"))
    measured.append(read(FIXTURE))
    written = (DATA_DIR / "health_phrases.txt").read_text(encoding="utf-8").splitlines()
    sentences = [t.rstrip(".") for t in written if len(t.split()) >= 6 and not t.startswith("#")]
    assert sentences and not [t for t in sentences if any(t in m for m in measured)]


@pytest.mark.parametrize("text, expected", [
    ("ỦY BAN NHÂN DÂN\nTÍNH BÌNH PHƯỚC\nSố: 12/CT-UBND", "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 12/CT-UBND"),
    ("UBND TÍNH QUẢNG NGÃI", "UBND TỈNH QUẢNG NGÃI"),
    ("UBND HUYỆN BÚ ĐĂNG", "UBND HUYỆN BÙ ĐĂNG"),
])
def test_a_heading_word_is_repaired_from_the_place_name_around_it(text, expected):
    result = repair_ocr(text)
    assert result.text == expected and {c.code for c in result.changes} == {"place-name"}
    assert repair_ocr(result.text).changes == []


@pytest.mark.parametrize("text", [
    "không tính Bình Phước",  # lower case: a sentence, not a heading ("not counting ...")
    "TÍNH\nBÌNH PHƯỚC",  # the name on another line
    "TỈNH BÌNH PHƯỚC",
])
def test_place_names_leave_other_words_alone(text):
    assert repair_ocr(text).changes == []


@pytest.mark.parametrize("text, name", [
    ("CHỦ TỊCH\n\nY Biêr Niê\n", "Niê"),
    ("Đồng chí Ksor Phước Hà, Phó Bí thư Tỉnh ủy, chủ trì cuộc họp.", "Ksor"),
    ("Giao Chủ tịch UBND huyện Ea H'leo và ông Y Ngông Niê Kđăm theo dõi.", "Kđăm"),
])
def test_a_name_of_the_central_highlands_is_not_turned_into_another_name(text, name):
    """Inside a capitalised name, a word that is not a Vietnamese syllable is a minority or foreign
    name, not an OCR error: it changes only to a word the lexicon knows beside its neighbour."""
    result = repair_ocr(text)
    assert name in result.text
    assert not [c for c in result.changes if c.before == name]


# --- letter groups (another engine's garbles) ---------------------------------------------


def test_a_letter_group_another_engine_garbled_is_repaired():
    """Two letters read as two others ("hi" as "bı"): one letter-group edit, ranked by the word pairs."""
    result = repair_ocr("Các đơn vị thực hiện ngbıêm túc các biện pháp phòng, chống dịch.")
    assert result.text == "Các đơn vị thực hiện nghiêm túc các biện pháp phòng, chống dịch."
    assert [change.code for change in result.changes] == ["non-word"]
    assert "letter group" in result.changes[0].reason


def test_a_letter_group_keeps_two_letters_of_the_token_and_replaces_a_group():
    candidates = {word for word, _cost, how in get_lexicon().candidates("xtơ") if how == "letter group replaced"}
    assert "xóm" not in candidates  # one letter kept of three: no evidence it was "xóm"
    found = {word: how for word, _cost, how in get_lexicon().candidates("ngbıêm")}
    assert found.get("nghiêm") == "letter group replaced"


@pytest.mark.parametrize("text", [
    "Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",  # a run dropped would cut a name short: Lên
    "Truyện ngắn của Lép Tôn-xtôi được dịch sang tiếng Việt.",  # a transliterated name
    "Thủ đô Mát-xcơ-va của Liên bang Nga.",
    "Nhập khẩu xe môtô, phụ tùng rôto và nước giải khát côla.",  # loanwords written as two syllables
    "Áo khoác lông thú vizôn, muối bazơ.",  # a letter Vietnamese does not write
])
def test_letter_groups_leave_names_alone(text):
    assert repair_ocr(text).text == text


# --- a consonant cluster garbled into a run of marked glyphs (REFERENCE §10: rửi for nh) ----------


@pytest.mark.parametrize("text, repaired", [
    ("Tổ chức ửiực hiện nghiêm các biện pháp.", "Tổ chức thực hiện nghiêm các biện pháp."),  # th read as ửi
    ("Các cơ sở giáo dục trên địa bàn thàrửi phố.", "Các cơ sở giáo dục trên địa bàn thành phố."),  # nh as rửi
])
def test_a_garbled_consonant_cluster_is_repaired_from_the_rest_of_its_syllable(text, repaired):
    result = repair_ocr(text)
    assert result.text == repaired
    assert [change.code for change in result.changes] == ["non-word"]
    assert "garbled" in result.changes[0].reason


def test_a_garbled_cluster_keeps_the_rhyme_or_the_head_with_its_marks():
    found = {word: how for word, _cost, how in get_lexicon().candidates("ửiực")}
    assert found.get("thực") == "garbled onset, rhyme kept"
    assert "thức" not in found  # the rhyme as read, tone included: ực, not ức
    found = {word: how for word, _cost, how in get_lexicon().candidates("thàrửi")}
    assert found.get("thành") == "garbled final, onset and vowel kept"


@pytest.mark.parametrize("token", [
    "matít", "pirít", "virút",  # loanwords: one tone, on the second syllable (a final's garble needs two)
    "iođua",  # no tone in the run before the rhyme: no garble of marked glyphs
])
def test_loanwords_are_no_garbled_clusters(token):
    assert not [word for word, _cost, how in get_lexicon().candidates(token) if how.startswith("garbled")]


def test_words_run_together_with_a_capital_inside_are_no_garbles():
    assert not [word for word, _cost, how in get_lexicon().candidates("sốtăng", "mixed") if how.startswith("garbled")]
    assert repair_ocr("Tổng sốTăng thêm").text == "Tổng sốTăng thêm"


# --- the case of a repaired word --------------------------------------------------------------


@pytest.mark.parametrize("text, repaired", [
    # another engine read "th" as a capital M: inside the sentence the capital was the garble's
    ("Người lao động Mam gia bảo hiểm xã hội bắt buộc.", "Người lao động tham gia bảo hiểm xã hội bắt buộc."),
    # after a full stop it opens a sentence and keeps it
    ("Người lao động. Mam gia bảo hiểm xã hội.", "Người lao động. Tham gia bảo hiểm xã hội."),
    # the first letter read right keeps its case, whatever the corpus does with the word
    ("Theo chỉ đạo của Chinh phủ và Thủ tướng.", "Theo chỉ đạo của Chính phủ và Thủ tướng."),
])
def test_a_capital_the_garble_made_is_written_small_inside_a_sentence(text, repaired):
    assert repair_ocr(text).text == repaired


# --- runs of letters alike in print (visual_confusions.tsv) --------------------------------


def test_visual_rules_cost_falls_with_similarity():
    from build_tools.clean.ocr import load_confusions, visual_rules

    confusions = load_confusions()
    rules = visual_rules(confusions)
    best, worst = confusions["params"]["visual_cost_best"], confusions["params"]["visual_cost_worst"]
    assert rules and all(best <= cost <= worst for _, _, cost in rules)
    costs = [cost for _, _, cost in rules]  # the table is written most alike first
    assert costs == sorted(costs)
    without = dict(confusions, params={k: v for k, v in confusions["params"].items() if not k.startswith("visual_")})
    assert visual_rules(without) == []


def test_visual_matches_finds_every_run_of_the_table():
    lex = get_lexicon()
    for observed, confusions in list(lex.visual_runs.items())[:50]:
        word = "x" + observed + "x"
        found = [m[:4] for m in lex.visual_matches(word)]
        for intended, cost, _label in confusions:
            assert (1, 1 + len(observed), intended, cost) in found


def test_a_run_alike_in_print_ranks_the_candidates_of_a_non_word():
    """"cáeb": "eb" is drawn like "ch" (visual_confusions.tsv), so "cách" beats the words a generic
    letter-group edit offers at one cost ("các", "cái")."""
    found = get_lexicon().candidates("cáeb")
    assert found[0][0] == "cách" and "alike in print" in found[0][2]
    assert found[0][1] < min(cost for word, cost, _ in found if word != "cách")
    result = repair_ocr("Người nhập cảnh phải thực hiện cáeb ly y tế tập trung theo quy định.")
    assert "cách ly" in result.text and "alike in print" in result.changes[0].reason


def test_runs_alike_in_print_are_never_offered_for_valid_words():
    """A valid word's alternatives (the real-word channel) come from the rules alone: a table of shapes
    would make every word a candidate for many others."""
    from build_tools.clean.ocr import _tsv_rows, load_confusions, load_loanwords

    confusions = load_confusions()
    confusions["params"] = {k: v for k, v in confusions["params"].items() if not k.startswith("visual_")}
    words = {word: (int(c), int(f), int(p), int(low)) for word, c, f, p, low in _tsv_rows(DATA_DIR / "unigrams.tsv")}
    bigrams = {(a, b): int(c) for a, b, c in _tsv_rows(DATA_DIR / "bigrams.tsv")}
    without = Lexicon(words, bigrams, load_loanwords(), confusions=confusions)
    assert not without.visual_runs and get_lexicon().visual_runs
    for word in ("tên", "cách", "nhà", "đối", "hiện", "thủ", "đường", "mình"):
        assert get_lexicon().alternatives(word) == without.alternatives(word)


# --- abbreviations in capitals ---------------------------------------------------------------


def test_abbreviations_come_from_the_list_and_the_type_and_issuer_codes():
    from build_tools.clean.ocr import load_abbreviations

    found = set(load_abbreviations())
    assert {"UBND", "TTYT", "MTTQ"} <= found  # abbreviations.txt
    assert {"QĐ", "KH", "TCBC"} <= found  # doc_types.yml
    assert {"BYT", "VPCP"} <= found  # issuers.yml
    assert all(code.isalpha() and code.isupper() for code in found)


@pytest.mark.parametrize("text, expected", [
    ("Giám đốc TTỴT huyện chỉ đạo các trạm y tế xã.", "Giám đốc TTYT huyện chỉ đạo các trạm y tế xã."),
    ("Ban Thường trực ỦBMTTQ tỉnh phối hợp thực hiện.", "Ban Thường trực UBMTTQ tỉnh phối hợp thực hiện."),
])
def test_a_capital_with_a_spurious_mark_inside_a_known_abbreviation_is_repaired(text, expected):
    result = repair_ocr(text)
    assert result.text == expected and [c.code for c in result.changes] == ["non-word"]


def test_a_listed_abbreviation_is_a_known_word_and_no_syllable_becomes_one():
    lex = get_lexicon()
    assert "ttyt" in lex.uni and "ttyt" in lex.abbreviations
    assert "tu" not in lex.abbreviations  # a syllable ("tu") is a word, never an abbreviation's candidate
    assert repair_ocr("Trung tâm TTYT và BCĐQG.").changes == []
    # in capitals it is known; in lower case it is what an acronym in lower case is: a garble
    assert lex.kind("TTYT") == KNOWN and lex.kind("ttyt") == LATIN


# --- a letter lost (real words) ------------------------------------------------------------------


def test_one_letter_longer_finds_words_with_one_unmarked_letter_more():
    lex = get_lexicon()
    assert {"trên", "tiên"} <= set(lex.one_letter_longer("tên"))
    assert "cách" in lex.one_letter_longer("các") and "tổng" in lex.one_letter_longer("tổn")
    assert "chối" not in lex.one_letter_longer("chi")  # the letter lost would carry the mark: it is seen


def test_a_valid_word_with_a_letter_lost_is_an_alternative_at_its_cost():
    lex = get_lexicon()
    channel = dict(lex.alternatives("tên"))
    assert channel["trên"] == pytest.approx(math.exp(-lex.params["real_word_lost_letter_cost"]))


def test_a_letter_lost_is_repaired_where_the_word_pairs_demand_it():
    """"cứng khoán", "tổn thể" in clean texts (typos of the Công báo itself): "chứng", "tổng" one
    consonant longer, and the pairs overwhelmingly theirs."""
    for text, expected in (("Công ty đầu tư cứng khoán phải đăng ký theo quy định của pháp luật.", "chứng khoán"),
                           ("Đối với quy hoạch tổn thể quốc gia, quy hoạch vùng.", "tổng thể")):
        result = repair_ocr(text)
        assert expected in result.text and [c.code for c in result.changes] == ["real-word"]
    assert repair_ocr("Anh ấy tên là Nguyễn Văn An.").changes == []  # "tên" where a name follows


# --- capitals that lost their marks in a marked heading ----------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TICH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("ỦY BAN NHÂN DÂN TỈNH\nUBNĐ HUYỆN ĐẠI TỪ", "ỦY BAN NHÂN DÂN TỈNH\nUBND HUYỆN ĐẠI TỪ"),
    ("DOANH NGHIỆP ĐANG HOAT ĐỘNG", "DOANH NGHIỆP ĐANG HOẠT ĐỘNG"),
])
def test_a_capital_word_off_its_marks_in_a_marked_heading_is_repaired(text, expected):
    result = repair_ocr(text)
    assert result.text == expected and [c.code for c in result.changes] == ["non-word"]


@pytest.mark.parametrize("text", [
    "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc",  # written without marks throughout
    "Ý KIẾN CỦA WHO VÀ CDC VỀ COVID",  # acronyms no Vietnamese word explains
    "KẾ HOẠCH SỐ 12/KH-UBND",  # codes
])
def test_capitals_without_marks_are_left_where_no_heading_word_lost_them(text):
    assert repair_ocr(text).changes == []


def test_capitals_off_their_marks_needs_a_marked_capital_on_the_same_line():
    from build_tools.clean.ocr import SKIP, capitals_off_their_marks

    lex = get_lexicon()
    for text, expected in (("CHỦ TICH", [1]), ("CHỦ\nTICH", []), ("CHU TICH", [])):
        parts = SPLIT.split(text)
        words, seps = parts[1::2], parts[0::2]
        assert capitals_off_their_marks(lex, words, seps, [lex.kind(w) for w in words]) == expected
        assert all(lex.kind(words[j]) == SKIP for j in expected)


# --- another engine's letter-run garbles (legacy_confusions.tsv) ----------------------------------


def test_engine_rules_cost_rises_as_the_garble_gets_rarer(tmp_path):
    from build_tools.clean.ocr import engine_rules, load_confusions

    (tmp_path / "legacy_confusions.tsv").write_text(
        "# read\tprinted\tseen\tprinted_total\tprinted_words\nu\tkh\t50\t100\t9\nm\tth\t10\t100\t5\nh\ttr\t1\t100\t3\n",
        encoding="utf-8")
    confusions = load_confusions()
    best, worst = confusions["params"]["engine_cost_best"], confusions["params"]["engine_cost_worst"]
    rules = engine_rules(confusions, tmp_path)
    assert [cost for *_, cost in rules] == sorted(cost for *_, cost in rules)
    assert rules[0] == ("u", "kh", best) and rules[-1] == ("h", "tr", worst)
    without = dict(confusions, params={k: v for k, v in confusions["params"].items() if not k.startswith("engine_")})
    assert engine_rules(without, tmp_path) == []
    assert engine_rules(confusions, tmp_path / "absent") == []


def test_engine_matches_are_found_with_the_tones_off():
    lex = get_lexicon()
    if not lex.engine_runs:
        pytest.skip("no legacy_confusions.tsv")
    observed, ((intended, cost, _label), *_rest) = next(iter(lex.engine_runs.items()))
    marked = {"u": "ủ", "ư": "ử", "a": "ạ"}.get(observed[0], observed[0]) + observed[1:]
    assert (1, 1 + len(observed), intended, cost) in [m[:4] for m in lex.engine_matches("x" + marked + "x")]


def test_a_cluster_garbled_by_another_engine_is_a_candidate_of_the_non_word():
    """Each of the table's commonest garbles, written into a common word, offers that word back."""
    from build_tools.clean.ocr import LATIN, NONWORD
    from build_tools.vietnamese.syllables import is_syllable

    lex = get_lexicon()
    tried = 0
    for observed, confusions in list(lex.engine_runs.items())[:6]:
        for intended, _cost, label in confusions:
            words = sorted((w for w in lex.uni if w.startswith(intended) and is_syllable(w) and len(w) > len(intended)
                            and lex.uni[w] >= 200), key=lambda w: -lex.uni[w])
            for word in words[:3]:
                garbled = observed + word[len(intended):]
                if lex.kind(garbled) not in (NONWORD, LATIN):
                    continue
                tried += 1
                found = {candidate: how for candidate, _cost, how in lex.candidates(garbled)}
                assert word in found and "another engine" in found[word], (garbled, word)
    if not tried:
        pytest.skip("no garble of the table makes a non-word of a common word")


def test_only_the_commonest_engine_runs_are_offered_for_valid_words():
    """A valid word's alternatives take another engine's garbles only up to ``real_word_max_engine_cost``
    (the commonest: ``m`` for ``th``); the rest of the table is for non-words alone."""
    from build_tools.clean.ocr import _tsv_rows, load_confusions, load_loanwords

    words = {word: (int(c), int(f), int(p), int(low)) for word, c, f, p, low in _tsv_rows(DATA_DIR / "unigrams.tsv")}
    bigrams = {(a, b): int(c) for a, b, c in _tsv_rows(DATA_DIR / "bigrams.tsv")}

    def lexicon(drop: str) -> Lexicon:
        confusions = load_confusions()
        confusions["params"] = {k: v for k, v in confusions["params"].items() if not k.startswith(drop)}
        return Lexicon(words, bigrams, load_loanwords(), confusions=confusions)

    without, non_words_only, lex = lexicon("engine_"), lexicon("real_word_max_engine"), get_lexicon()
    assert not without.engine_runs and non_words_only.engine_runs
    limit = lex.params["real_word_max_engine_cost"]
    for word in ("tên", "cách", "nhà", "mông", "hong", "máng", "thủ", "đường", "mình"):
        assert non_words_only.alternatives(word) == without.alternatives(word)
        added = set(lex.alternatives(word)) - set(without.alternatives(word))
        assert all(channel >= math.exp(-limit) - 1e-12 for _, channel in added)
    cheap = [(observed, intended) for observed, rules in lex.engine_runs.items()
             for intended, cost, _ in rules if cost <= limit]
    if ("m", "th") in cheap:
        assert "thông" in dict(lex.alternatives("mông")) and "thông" not in dict(without.alternatives("mông"))


# --- real-word errors of plain text (no confidences) ----------------------------------------

_PLAIN_CLEAN = ("Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành kiểm tra việc thực hiện. Sở Tài chính bố trí kinh phí "
                "chi cho công tác phòng, chống dịch. Các đơn vị báo cáo kết quả về Sở Y tế để tổng hợp.")
# the same text as an engine that writes only valid syllables might read it: six words under other marks
_PLAIN_READ = ("Ủy ban nhân dân tình chi đạo các sở, ngành kiếm tra việc thực hiện. Sở Tài chính bố trí kinh phí "
               "chỉ cho công tác phòng, chống dịch. Các đơn vị báo cáo kết quả vệ Sở Y tế đế tổng hợp.")


def _suspects(text: str) -> int:
    from build_tools.clean.ocr import BOUNDARY, boundary, real_word_suspects

    lex = get_lexicon()
    parts = SPLIT.split(text)
    words, seps = parts[1::2], parts[0::2]
    bnd = [None if sep == " " else boundary(sep) for sep in seps]
    bnd[0] = bnd[-1] = BOUNDARY
    return real_word_suspects(lex, [lex.kind(w) for w in words], bnd, [w.lower() for w in words])


def test_valid_words_the_word_pairs_doubt_measure_the_noise_of_plain_text():
    """A text without a single non-word can still be noisy: its real-word suspects say so."""
    assert _suspects(_PLAIN_CLEAN) == 0
    assert _suspects(_PLAIN_READ) >= 4


def test_an_engine_that_writes_only_valid_words_is_repaired_from_its_suspects():
    repaired = repair_ocr(_PLAIN_READ)
    assert repaired.quality.suspicious_before == 0  # no non-word: the old estimate called it clean
    assert {c.after for c in repaired.changes} >= {"tỉnh", "chỉ", "kiểm", "chi", "để"}
    assert all(c.code.startswith("real-") for c in repaired.changes)
    assert repair_ocr(_PLAIN_CLEAN).changes == []


def _realword_notices(name: str = "realword_17r.yml") -> list[tuple[str, str]]:
    """A real-word fixture (tests/fixtures/ocr/) as (printed text, text as read) per notice, numbered points."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "ocr" / name).read_text(encoding="utf-8"))
    notices = []
    for notice in data["notices"]:
        points = notice["points"]
        notices.append(("\n".join(f"{k}. {p['text']}" for k, p in enumerate(points, 1)),
                        "\n".join(f"{k}. {p.get('read', p['text'])}" for k, p in enumerate(points, 1))))
    return notices


@pytest.mark.parametrize("name, count", [("realword_17r.yml", 60), ("realword_17s.yml", 42)])
def test_realword_fixture_labels_are_one_valid_word_under_other_marks(name, count):
    import yaml

    from build_tools.vietnamese.fold import unmarked
    from build_tools.vietnamese.syllables import is_syllable

    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "ocr" / name).read_text(encoding="utf-8"))
    points = [p for notice in data["notices"] for p in notice["points"]]
    assert len(points) == count
    for point in points:
        read, printed = SPLIT.findall(point.get("read", point["text"])), SPLIT.findall(point["text"])
        assert len(read) == len(printed)
        wrong = [f"{a} → {b}" for a, b in zip(read, printed) if a != b]
        assert wrong == point.get("errors", [])
        for pair in wrong:
            a, b = pair.split(" → ")
            assert unmarked(a) == unmarked(b) and is_syllable(a.lower()) and is_syllable(b.lower())


def _realword_figures(name: str = "realword_17r.yml") -> tuple[int, int, int]:
    """(errors, repaired, correct words changed) of the repair on a real-word fixture; the printed
    text of each entry must come through unchanged."""
    fixed = broke = errors = 0
    for printed, read in _realword_notices(name):
        assert repair_ocr(printed).changes == []
        result = repair_ocr(read)
        for was, now, truth in zip(SPLIT.findall(read), SPLIT.findall(result.text), SPLIT.findall(printed)):
            errors += was != truth
            fixed += was != truth and now == truth
            broke += was == truth and now != truth
    return errors, fixed, broke


def test_real_word_errors_written_after_the_tuning_are_repaired_and_nothing_else_changes():
    """Figures on a set written after the tuning (branch 17r): 40 of 53 real-word errors repaired, no
    correct word changed, nothing changed on the printed text (main's repair before it: 12 of 53); 42 of
    53 with the text's own word pairs (branch 17s)."""
    errors, fixed, broke = _realword_figures()
    assert errors == 53
    assert broke == 0 and fixed >= 35, (fixed, broke)


def test_real_word_errors_in_notices_that_repeat_their_words_written_after_the_document_rule():
    """Figures on tests/fixtures/ocr/realword_17s.yml, written after the document-level rule was chosen
    (branch 17s): 23 of 34 repaired, 3 correct words changed (main's repair: 18 of 34, 1 changed; two of
    the rule's changes follow an error the text makes elsewhere, a tie of one reading each way: see
    benchmarks/RESULTS.md); nothing changed on the printed text."""
    errors, fixed, broke = _realword_figures("realword_17s.yml")
    assert errors == 34
    assert broke <= 3 and fixed >= 21, (fixed, broke)


def test_a_capital_opening_a_run_of_capitals_on_its_own_line_is_a_name_not_a_real_word_error():
    """"Lại Văn Hoàn" under the signer's title: "loại văn" is a common pair, but a capital opening
    a run of capitals is a name, which needs the stronger evidence names need, at a line's start too."""
    text = "Các đơn vị báo cáo kết quả về Văn phòng UBND huyện.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLại Văn Hoàn\n"
    confidences = [0.3 if word == "Lại" else 0.95 for word in SPLIT.findall(text)]
    assert repair_ocr(text, confidences=confidences).changes == []


def test_the_texts_own_pairs_follow_the_repairs_so_a_second_run_changes_nothing():
    """The text's own pairs (a cache model) are counted as the text reads after each repair: a word
    left as read while its neighbours were still garbled is decided again once they are repaired,
    so a second run on the repaired text finds nothing more (found by the idempotence property)."""
    text = " đạọ đạọ đạọ "
    once = repair_ocr(text)
    assert once.text == " đạo đạo đạo "
    assert repair_ocr(once.text).changes == []

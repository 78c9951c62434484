"""The archive as data (publish/dataset.py): a sequence of notices of one province through the whole
pipeline (ingest, clean, extract, ids, records) into data/oxcgrt-provinces.csv, checked cell by cell."""
import csv
import io
import shutil
from pathlib import Path

from build_tools.pipeline import run_pipeline
from build_tools.publish.dataset import write_dataset
from build_tools.publish.site import records_for

# Bắc Giang, May–June 2021, as hand-labelled in the dev set of whole notices (labels.yml there): two
# districts under Chỉ thị 16 with province-wide measures (portal copy, heading without colon, an
# effective clause at the end), a newspaper's reprint continuing one district "thêm 07 ngày" and
# moving the other to Chỉ thị 15, then a notice lifting it there and reopening schools in three districts.
SEQUENCE = Path(__file__).resolve().parents[1] / "fixtures" / "measures" / "notices" / "dev"


def test_a_sequence_of_notices_becomes_the_right_province_day_cells(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("bg-1.txt", "bg-2.txt", "bg-3.txt"):
        shutil.copy(SEQUENCE / name, source / name)
    result = run_pipeline(source, workers=1, registry_path=source / "permalinks.yml", today="2026-01-01")
    records = [record for _, record in records_for(result, "", "2026-01-01")]
    write_dataset(records, tmp_path / "site", directory_urls=True)
    ids = {Path(record.source.file).stem: record.id for record in records}
    rows = {row["Date"]: row for row in csv.DictReader(io.StringIO(
        (tmp_path / "site" / "data" / "oxcgrt-provinces.csv").read_text(encoding="utf-8")))}

    def cell(date, column):
        row = rows[date]
        indicator = column.split("_")[0]
        return row[column], row.get(indicator + "_Flag", ""), row[indicator + "_Notice"]

    stay, school, work = "C6M_Stay at home requirements", "C1M_School closing", "C2M_Workplace closing"
    assert {row["RegionName"] for row in rows.values()} == {"Bắc Giang"}
    assert min(rows) == "20210518"  # from the first measure's start: before it the archive knows nothing
    assert cell("20210520", stay) == ("2", "0", ids["bg-1"])  # two districts only: targeted
    assert cell("20210520", work) == ("3", "0", ids["bg-1"])  # strictest: the districts' regime
    assert cell("20210520", school) == ("3", "1", ids["bg-1"])  # the whole province
    assert cell("20210603", stay) == ("2", "0", ids["bg-2"])  # seven more days after 31 May
    assert cell("20210608", stay)[0] == "0"  # the extension is over and the other district was lifted
    assert cell("20210608", work) == ("2", "1", ids["bg-1"])  # the province-wide closure has no end
    assert cell("20210622", school) == ("3", "1", ids["bg-1"])  # a targeted reopening leaves it elsewhere

"""Streamed spreadsheets: formula-safe cells, local dates, and rows pulled lazily."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from insight.exports import csv_response, spreadsheet_response, xlsx_response

WHEN = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", " =1", "\n=1", "＝1", "plain"]


def _csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture(autouse=True)
def _london(settings):
    settings.TIME_ZONE = "Europe/London"


def test_csv_quotes_every_formula_start_and_writes_local_times():
    response = csv_response(
        filename="t", header=["name", "when"], rows=[[v, WHEN] for v in HOSTILE]
    )
    header, *rows = _csv_rows(response)
    assert header == ["name", "when"]
    for (name, when), original in zip(rows, HOSTILE, strict=True):
        assert name == (original if original == "plain" else "'" + original)
        assert when == "2026-07-01 00:30"  # British Summer Time, not UTC
    assert response["Content-Disposition"] == 'attachment; filename="t.csv"'


def test_csv_pulls_rows_lazily():
    pulled = []

    def rows():
        for number in range(3):
            pulled.append(number)
            yield [number]

    content = iter(csv_response(filename="t", header=["n"], rows=rows()).streaming_content)
    next(content)  # the header only
    assert pulled == []
    next(content)
    assert pulled == [0]


def test_xlsx_keeps_formula_text_as_text_and_dates_as_local_dates():
    response = xlsx_response(
        filename="t",
        title="Results",
        header=["name", "when", "n"],
        rows=[[v, WHEN, 3] for v in HOSTILE],
    )
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["Results"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("name", "when", "n")
    assert [row[0] for row in values[1:]] == HOSTILE
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, len(values) + 1))
    assert values[1][1] == WHEN.astimezone(ZoneInfo("Europe/London")).replace(tzinfo=None)
    assert values[1][2] == 3


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        spreadsheet_response(file_format="pdf", filename="t", title="t", header=[], rows=[])

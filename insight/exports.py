"""Streamed CSV and XLSX downloads whose memory stays flat however many rows.

Cells are formula-safe (a trainee's name that starts with "=" stays text) and dates are written
in the site's time zone. Rows come from a generator, so a caller iterates a queryset with
.iterator() and never holds all of them."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Sequence

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from certificates.selectors import csv_safe

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SPOOL_BYTES = 4 * 1024 * 1024  # an XLSX spills to disk beyond this


def local_text(value) -> str:
    """A cell as CSV text: dates and times in the site's zone, None as empty, formulas quoted."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return csv_safe(value)


class _Echo:
    """csv.writer wants a file; this one hands each line back instead of keeping it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(
        [local_text(cell) for cell in header]
    )  # BOM: Excel reads UTF-8
    for row in rows:
        yield writer.writerow([local_text(cell) for cell in row])


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_cell(sheet, value):
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.make_naive(timezone.localtime(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the first character
    elif isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def xlsx_file(*, title: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A write-only workbook (rows go to disk as they come) in a spooled temporary file."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "Sheet1")
    sheet.append([_xlsx_cell(sheet, str(name)) for name in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    output = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (FileResponse closes it)
    book.save(output)
    output.seek(0)
    return output


def xlsx_response(*, filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence]):
    output = xlsx_file(title=title, header=header, rows=rows)
    return FileResponse(
        output, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def spreadsheet_response(*, file_format: str, filename: str, title: str, header, rows):
    """The one entry point views use: file_format is "csv" or "xlsx" (anything else: ValueError)."""
    if file_format == "csv":
        return csv_response(filename=filename, header=header, rows=rows)
    if file_format == "xlsx":
        return xlsx_response(filename=filename, title=title, header=header, rows=rows)
    raise ValueError(f"unknown export format {file_format!r}")

"""Gradebook, quiz-result and trainee-record exports: the page's columns and scope, formula-safe
cells, local dates, every download in the audit log (who, what, when)."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from tests.insight.grade_data import gradebook_course, instructor_of

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def cohort():
    data = gradebook_course()
    data.stuck(full_name="=HYPERLINK(evil)")
    data.completed(full_name="Dan Done", registration_number="HCPC-9")
    other = gradebook_course(slug="cupping", title="Cupping basics")
    other.in_progress(full_name="Olga Other")
    return data, other


def test_gradebook_csv_has_the_page_columns_and_only_the_course_shown(client, cohort):
    data, other = cohort
    instructor = instructor_of(data.course)
    client.force_login(instructor)
    rows = read_csv(client.get(reverse("insight_gradebook_export", args=["csv"])))
    header, body = rows[0], rows[1:]
    assert header[:9] == [
        "Name",
        "Email",
        "Profession",
        "Registration number",
        "Cycle",
        "Enrolled",
        "Last activity",
        "Status",
        "Progress (%)",
    ]
    assert f"{data.gate.title}: passed" in header
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_name) == {"'=HYPERLINK(evil)", "Dan Done"}  # a formula stays text
    done = by_name["Dan Done"]
    assert (done["Status"], done["Progress (%)"], done["Registration number"]) == (
        "Completed",
        "100",
        "HCPC-9",
    )
    assert done[f"{data.gate.title}: attempts"] == "2"
    assert done["Certificate standing"] == "valid"
    local = timezone.localtime().strftime("%Y-%m-%d")
    assert done["Enrolled"].startswith(local)
    stuck = by_name["'=HYPERLINK(evil)"]
    assert (stuck["Status"], stuck[f"{data.gate.title}: must-pass failures"]) == (
        "Stuck on a gate",
        "1",
    )
    # the other course's instructor cannot export this one by asking for it
    client.force_login(instructor_of(other.course))
    url = reverse("insight_gradebook_export", args=["csv"])
    names = [row[0] for row in read_csv(client.get(url, {"course": data.course.pk}))[1:]]
    assert names == ["Olga Other"]


def test_gradebook_export_is_audited_with_its_filters(client, cohort):
    data, _ = cohort
    instructor = instructor_of(data.course)
    client.force_login(instructor)
    url = reverse("insight_gradebook_export", args=["xlsx"])
    response = client.get(url, {"status": "stuck"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    values = list(book.active.values)
    assert values[1][0] == "=HYPERLINK(evil)" and len(values) == 2
    entry = PageLogEntry.objects.get(action="insight.export")
    assert (entry.page_id, entry.user_id) == (data.course.pk, instructor.pk)
    assert entry.data == {
        "what": "gradebook",
        "format": "xlsx",
        "filters": {"course": str(data.course.pk), "status": "stuck"},
    }
    assert timezone.now() - entry.timestamp < timezone.timedelta(minutes=1)
    history = client.get(reverse("wagtailadmin_pages:history", args=[data.course.pk]))
    assert "Exported gradebook (XLSX), filters: course=" in history.content.decode()


def test_unknown_export_format_is_a_404(client, cohort):
    data, _ = cohort
    client.force_login(instructor_of(data.course))
    assert client.get("/admin/insight/gradebook/export.pdf").status_code == 404
    assert not PageLogEntry.objects.filter(action="insight.export").exists()


def test_export_queries_do_not_grow_with_the_rows(client, cohort):
    data, _ = cohort
    client.force_login(instructor_of(data.course))
    url = reverse("insight_gradebook_export", args=["csv"])

    def count():
        with CaptureQueriesContext(connection) as captured:
            rows = read_csv(client.get(url))
        return len(captured), len(rows)

    client.get(url)
    small, small_rows = count()
    for n in range(40):
        data.in_progress(full_name=f"More {n}")
    large, large_rows = count()
    assert (large_rows - small_rows, large) == (40, small)


def test_quiz_results_export_has_each_response_with_the_key_and_is_audited(client, cohort):
    data, other = cohort
    instructor = instructor_of(data.course)
    client.force_login(instructor)
    response = client.get(reverse("insight_results_export", args=[data.gate.pk, "csv"]))
    rows = read_csv(response)
    header, body = rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert "Response" in header and "Correct answer" in header
    must_pass = [row for row in body if row["Must-pass"] == "yes"]
    assert {row["Response"] for row in must_pass} == {"True", "False"}
    assert {row["Correct answer"] for row in must_pass} == {"True"}
    assert len(body) == 2 * 3  # the stuck trainee's attempt, the completer's two
    entry = PageLogEntry.objects.get(action="insight.export")
    assert (entry.page_id, entry.data["what"]) == (data.gate.pk, "quiz responses")
    client.force_login(instructor_of(other.course))
    refused = client.get(reverse("insight_results_export", args=[data.gate.pk, "csv"]))
    assert refused.status_code == 404
    assert PageLogEntry.objects.filter(action="insight.export").count() == 1


def test_trainee_record_export_is_audited_on_the_trainee(client, cohort):
    from django.contrib.auth import get_user_model

    data, _ = cohort
    trainee = get_user_model().objects.get(full_name="Dan Done")
    instructor = instructor_of(data.course)
    client.force_login(instructor)
    rows = read_csv(client.get(reverse("insight_record_export", args=[trainee.pk, "csv"])))
    assert {row[2] for row in rows[1:]} == {data.gate.title, data.final.title}
    entry = ModelLogEntry.objects.get(action="insight.export")
    assert (entry.object_id, entry.user_id, entry.data["what"]) == (
        str(trainee.pk),
        instructor.pk,
        "trainee responses",
    )

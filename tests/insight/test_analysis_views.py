"""The item-analysis pages and export in the admin: scoped to the instructor's courses, charts
with table alternatives, the same number of queries for 10 and 200 attempts, an audited export,
and bad filters answered with a 400 page rather than a 500."""

import csv
import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission, ModelLogEntry, PageLogEntry

from tests.factories import UserFactory, build_course
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.insight.analysis_data import submit_attempts

pytestmark = pytest.mark.django_db


def instructor_of(course):
    group, _ = Group.objects.get_or_create(name=f"Instructors of {course.slug}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.get_or_create(
        group=group, page=course, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def quiz_in(course, attempts: int = 40, title: str = "Item title"):
    questions = [
        QuestionFactory(kind="single_choice", title=title),
        QuestionFactory(kind="short_text"),
        QuestionFactory(kind="true_false"),
    ]
    quiz = quiz_with_questions(course, questions)
    submit_attempts(
        quiz=quiz, questions=questions, abilities=[i / attempts for i in range(attempts)]
    )
    return quiz


@pytest.fixture
def setting():
    course = build_course(slug="first", modules=1, lessons_per_module=1)
    other = build_course(slug="second", modules=1, lessons_per_module=1)
    return course, other, quiz_in(course), instructor_of(course), instructor_of(other)


def page_url(quiz):
    return reverse("insight_analysis", args=[quiz.pk])


def test_the_instructor_sees_charts_each_with_a_table(client, setting):
    course, _, quiz, alice, _ = setting
    client.force_login(alice)
    response = client.get(page_url(quiz))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="analysis-chart"') >= 3  # histogram, scatter, option bars
    assert "Score distribution as a table" in html and "Item statistics" in html
    assert "Bottom third" in html and "Most frequent wrong responses" in html
    assert reverse("quizzes_item_review", args=[quiz.pk]) in html
    index = client.get(reverse("insight_analysis_index")).content.decode()
    assert page_url(quiz) in index
    review = client.get(reverse("quizzes_item_review", args=[quiz.pk])).content.decode()
    assert page_url(quiz) in review  # and back from the item-writing review


def test_another_courses_instructor_and_trainees_are_kept_out(client, setting):
    _, _, quiz, _, bob = setting
    client.force_login(bob)
    assert client.get(page_url(quiz)).status_code == 404
    export = reverse("insight_analysis_export", args=[quiz.pk, "csv"])
    assert client.get(export).status_code == 404
    assert page_url(quiz) not in client.get(reverse("insight_analysis_index")).content.decode()
    client.force_login(UserFactory())  # a trainee: no admin access at all
    assert client.get(page_url(quiz)).status_code in (302, 403)
    assert client.get(export).status_code in (302, 403)


def test_page_queries_do_not_grow_with_the_attempts(client, on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    alice = instructor_of(course)
    client.force_login(alice)
    counts = {}
    for size in (10, 200):
        quiz = quiz_in(course, attempts=size)
        client.get(page_url(quiz))  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url(quiz)).status_code == 200
        counts[size] = len(queries)
    print(f"\nitem-analysis page queries for 10 and 200 attempts: {counts}")
    assert counts[10] == counts[200] > 10, counts


def test_export_csv_and_xlsx_are_formula_safe_and_audited(client):
    course = build_course(modules=1, lessons_per_module=1)
    quiz = quiz_in(course, attempts=12, title="=HYPERLINK(evil)")
    alice = instructor_of(course)
    client.force_login(alice)
    response = client.get(reverse("insight_analysis_export", args=[quiz.pk, "csv"]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["Number", "Row", "Item", "Type", "Attempts"]
    item = next(row for row in rows if "HYPERLINK" in row[2])
    assert item[2].startswith("'=") and item[4] == "12"
    assert any(row[1] == "option" and row[2].endswith("(keyed)") for row in rows)
    xlsx = client.get(reverse("insight_analysis_export", args=[quiz.pk, "xlsx"]) + "?attempts=all")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    titles = [cell.value for cell in sheet["C"]]
    assert "=HYPERLINK(evil)" in titles  # stored as text, never as a formula
    assert next(c for c in sheet["C"] if c.value == "=HYPERLINK(evil)").data_type == "s"
    logs = PageLogEntry.objects.filter(page=quiz, action="insight.export")
    assert logs.count() == 2 and logs.filter(user=alice).count() == 2
    assert {entry.data["format"] for entry in logs} == {"csv", "xlsx"}
    assert not ModelLogEntry.objects.filter(action="insight.export").exists()


def test_no_attempts_and_unknown_formats(client):
    course = build_course(modules=1, lessons_per_module=1)
    quiz = quiz_with_questions(course, [QuestionFactory()])
    client.force_login(instructor_of(course))
    response = client.get(page_url(quiz))
    assert response.status_code == 200
    assert "No submitted attempts match these filters" in response.content.decode()
    assert client.get(f"/admin/insight/analysis/{quiz.pk}/export.pdf").status_code == 400
    assert client.get("/admin/insight/analysis/99999999999999999999/").status_code == 404


def test_too_few_attempts_are_shown_but_not_flagged(client):
    course = build_course(modules=1, lessons_per_module=1)
    quiz = quiz_in(course, attempts=5)
    client.force_login(instructor_of(course))
    html = client.get(page_url(quiz)).content.decode()
    assert "need at least 30" in html and "Too few attempts to flag" in html


def test_bad_filters_get_a_clear_400(client, setting):
    _, _, quiz, alice, _ = setting
    client.force_login(alice)
    for query in ("date_from=tomorrow", "attempts=some", "date_from=2026-05-01&date_to=2026-01-01"):
        response = client.get(page_url(quiz) + "?" + query)
        assert response.status_code == 400, query
        assert "These filters are not valid" in response.content.decode()
        export = reverse("insight_analysis_export", args=[quiz.pk, "csv"]) + "?" + query
        assert client.get(export).status_code == 400


NASTY = hs.one_of(
    hs.text(),
    hs.sampled_from(["\ud800", "\x00", "2026-02-30", "9999-12-31", "0001-01-01", "٢٠٢٦-٠١-٠١"]),
    hs.integers(min_value=-(10**40), max_value=10**40).map(str),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(date_from=NASTY, date_to=NASTY, attempts=NASTY)
def test_nonsense_filters_never_cause_a_500(client, setting, date_from, date_to, attempts):
    _, _, quiz, alice, _ = setting
    client.force_login(alice)
    data = {"date_from": date_from, "date_to": date_to, "attempts": attempts}
    # encoded by hand: a lone surrogate goes out as the invalid UTF-8 a hostile client can send
    query = "?" + urlencode(data, encoding="utf-8", errors="surrogatepass")
    assert client.get(page_url(quiz) + query).status_code in (200, 400)
    export = reverse("insight_analysis_export", args=[quiz.pk, "csv"])
    assert client.get(export + query).status_code in (200, 400)

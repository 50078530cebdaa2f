"""`make bench`: importing a 5,000-question GIFT file of mixed types: time and queries per batch."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.importers.gift import parse_gift
from quizzes.importers.services import BATCH_SIZE, questions_import
from quizzes.models import Question, QuestionBank

pytestmark = pytest.mark.django_db

QUESTIONS = 5_000
ANSWERS = [
    "{=Pregnancy#Right ~%-50%Age 30#No ~Holiday####Screen first.}",
    "{~%50%Bruising ~%50%Soreness ~%-100%Better eyesight}",
    "{T#Consent is always needed#Right}",
    "{#=2018:0 =%50%2010..2020}",
    "{=pneumothorax =%50%collapsed lung =pneumothora*}",
    "{=Dry needling -> Western anatomy =Acupuncture -> Meridians = -> Homeopathy}",
]


def gift_file(count: int) -> bytes:
    parts = []
    for n in range(count):
        if n % 250 == 0:
            parts.append(f"$CATEGORY: $course$/top/Bench {n // 250}")
        parts.append(f"::Q{n}::[html]<p>Question <b>{n}</b> about needling?</p>{ANSWERS[n % 6]}")
    return "\n\n".join(parts).encode()


def timed_import(count: int):
    data = gift_file(count)
    start = time.perf_counter()
    result = parse_gift(data)
    parsed = time.perf_counter()
    bank = QuestionBank.objects.create(name=f"Bench {count}")
    with CaptureQueriesContext(connection) as queries:
        report = questions_import(bank=bank, result=result)
    done = time.perf_counter()
    assert report.imported == count and not report.problems
    assert Question.objects.filter(bank=bank).count() == count
    return len(data), parsed - start, done - parsed, len(queries)


def test_bench_import_5000_gift_questions():
    timed_import(BATCH_SIZE)  # warm-up: categories exist, the search backend has looked around
    half = timed_import(QUESTIONS // 2)[3]  # both runs create some new categories
    size, parse_s, import_s, queries = timed_import(QUESTIONS)
    batches = -(-QUESTIONS // BATCH_SIZE)
    per_batch = (queries - half) / (batches - batches // 2)
    print(
        f"\nimport: {QUESTIONS:,} GIFT questions ({size / 1024:.0f} KiB, 6 types): "
        f"parse {parse_s:.2f} s, validate + import {import_s:.2f} s, "
        f"total {parse_s + import_s:.2f} s; {queries} queries = {batches} batches of "
        f"{BATCH_SIZE} x {per_batch:g} + {queries - batches * per_batch:g} per file "
        f"({half} queries for half the file)"
    )
    assert per_batch == int(per_batch)  # the same number of queries for every batch
    assert parse_s + import_s < 60


# ---------------------------------------------------------------------------------------------
# Course packages: the demo, and a generated 50-lesson, 1,000-question package


def _course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory, site_home

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def timed_package_import(root):
    from packages.services import package_import
    from tests.packages.package_generator import queries_counted

    start = time.perf_counter()
    with queries_counted() as sql:
        result = package_import(source=root)
    seconds = time.perf_counter() - start
    search = sum("wagtailsearch_indexentry" in query for query in sql)
    return result, seconds, len(sql), search


def test_bench_import_the_demo_package(tmp_path):
    from pathlib import Path

    from packages.selectors import course_package_files, package_save
    from tests.packages.helpers import demo_course_build, fresh_site

    _course_index()
    root = Path(__file__).resolve().parents[2] / "demo" / "course"
    if not (root / "course.yaml").exists():  # until the demo is a package: export it first
        course = demo_course_build()
        root = tmp_path / "demo"
        package_save(course_package_files(course=course), root)
        fresh_site(course)
    result, seconds, queries, search = timed_package_import(root)
    lessons = len([p for p in root.rglob("lessons/*.md")])
    from quizzes.models import Question

    print(
        f"\nimport: the demo package ({lessons} lessons, {Question.objects.count()} questions, "
        f"{connection.vendor}): {seconds:.2f} s, {queries} queries ({search} of them the "
        "search index)"
    )
    assert result.course is not None


def test_bench_import_a_generated_50_lesson_1000_question_package(tmp_path):
    from tests.packages.package_generator import generated_package

    _course_index()
    runs = {}
    for lessons, questions in [(5, 50), (25, 500), (50, 500), (50, 1_000)]:  # first: warm-up
        slug = f"bench-{lessons}-{questions}"
        root = generated_package(tmp_path / slug, lessons=lessons, questions=questions, slug=slug)
        result, seconds, queries, search = timed_package_import(root)
        assert result.course.slug == slug
        runs[(lessons, questions)] = (seconds, queries, search)
        print(
            f"\nimport: generated package, {lessons} lessons + {questions:,} questions "
            f"({connection.vendor}): {seconds:.2f} s, {queries} queries ({search} search index)"
        )
    per_lesson = (runs[(50, 500)][1] - runs[(25, 500)][1]) / 25
    per_question = (runs[(50, 1_000)][1] - runs[(50, 500)][1]) / 500
    lesson_s = (runs[(50, 500)][0] - runs[(25, 500)][0]) / 25
    question_ms = (runs[(50, 1_000)][0] - runs[(50, 500)][0]) / 500 * 1000
    print(
        f"per lesson: {per_lesson:g} queries, {lesson_s * 1000:.0f} ms; per question: "
        f"{per_question:g} queries, {question_ms:.1f} ms (500 -> 1,000 questions = 1 -> 2 "
        f"batches of {BATCH_SIZE}: {runs[(50, 1_000)][1] - runs[(50, 500)][1]} more queries)"
    )
    assert per_question < 0.2  # never a query per question

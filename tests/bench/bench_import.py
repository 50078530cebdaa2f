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

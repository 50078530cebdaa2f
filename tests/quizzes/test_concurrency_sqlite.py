"""Parallel starts, and autosaves racing a submit, on SQLite with a file database (as `make run`).

The in-memory test database cannot show SQLite's file locking, so the test copies it to a file
and runs the requests in a subprocess (tests/quizzes/sqlite_race.py) with the product's settings.
"""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from courses.services import enrollment_create
from tests.factories import build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import every_type_questions, quiz_with_questions

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking")


def run_on_a_file_copy(tmp_path, scenario, quiz, user) -> dict:
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    done = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, "-m", "tests.quizzes.sqlite_race", scenario, str(quiz.id), str(user.id)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def quiz_and_trainee(transactional_db, trainee):
    wagtail_initial_data()
    course = build_course(modules=1, lessons_per_module=1)
    enrollment_create(user=trainee, course=course)
    quiz = quiz_with_questions(lessons_of(course)[0].get_parent(), every_type_questions())
    return quiz, trainee


def test_parallel_starts_on_sqlite_all_get_the_one_attempt(tmp_path, quiz_and_trainee):
    report = run_on_a_file_copy(tmp_path, "starts", *quiz_and_trainee)
    assert len(report["attempts"]) == 1, report
    location = reverse("quizzes:attempt", args=[report["attempts"][0]])
    assert report["results"] == [[302, location]] * 20, report


def test_autosave_racing_submit_on_sqlite_never_stores_an_unmarked_answer(
    tmp_path, quiz_and_trainee
):
    report = run_on_a_file_copy(tmp_path, "race", *quiz_and_trainee)
    assert report["results"][0] == 302, report
    assert set(report["results"][1:]) <= {200, 409}, report
    assert not report["open"] and report["late"] == [] and report["unmarked"] == [], report

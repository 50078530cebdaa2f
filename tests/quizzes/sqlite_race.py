"""Parallel requests against a file SQLite database, in a process of their own.

Called by test_concurrency_sqlite.py with a copy of the test database: the in-memory test database
cannot show SQLite's file locking. Prints a JSON report on stdout.
Usage: python -m tests.quizzes.sqlite_race starts|race QUIZ_ID USER_ID
"""

import json
import os
import sys
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from quizzes import marking, services  # noqa: E402
from quizzes.models import Attempt, QuizPage  # noqa: E402
from tests.quizzes.test_attempts import key_response  # noqa: E402


def in_parallel(count, work):
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            barrier.wait()
            results[index] = work(index, client)
        except Exception as error:  # noqa: BLE001 - reported in the JSON
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def starts(quiz):
    url = reverse("quizzes:start", args=[quiz.id])

    def work(_, client):
        response = client.post(url)
        return [response.status_code, response.get("Location")]

    results = in_parallel(20, work)
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).values_list("id", flat=True))
    return {"results": results, "attempts": attempts}


def race(quiz):
    attempt, _ = services.attempt_start(quiz=quiz, user=user)
    rows = list(attempt.questions.all())
    real_clean, inside = services.clean_response, threading.Event()

    def slow_clean(snapshot, raw):
        inside.set()
        time.sleep(0.3)
        return real_clean(snapshot, raw)

    services.clean_response = slow_clean

    def work(index, client):
        if index == 0:
            inside.wait(30)
            return client.post(reverse("quizzes:submit", args=[attempt.id])).status_code
        row = rows[index - 1]
        response = client.post(
            reverse("quizzes:autosave", args=[attempt.id]),
            data=json.dumps({"responses": {str(row.position): key_response(row)}}),
            content_type="application/json",
        )
        return response.status_code

    results = in_parallel(len(rows) + 1, work)
    attempt.refresh_from_db()
    late, unmarked = [], []
    for row in attempt.questions.all():
        if row.saved_at and attempt.submitted_at and row.saved_at > attempt.submitted_at:
            late.append(row.position)
        marked = marking.mark(row.snapshot["type"], row.snapshot["key"], row.response)
        if row.fraction != marked.fraction:
            unmarked.append(row.position)
    return {"results": results, "open": attempt.is_open, "late": late, "unmarked": unmarked}


if __name__ == "__main__":
    setup_test_environment()
    scenario, quiz_id, user_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    user = get_user_model().objects.get(pk=user_id)
    quiz = QuizPage.objects.get(pk=quiz_id)
    print(json.dumps({"starts": starts, "race": race}[scenario](quiz)))

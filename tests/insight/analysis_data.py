"""Submitted attempts written straight to the database for item-analysis tests and the bench.

Snapshots come from quizzes.snapshots (a few per question, each with its own random option ids,
as real attempts have), marks from quizzes.marking, and everything is bulk-inserted, so 5,000
attempts × 20 questions take seconds rather than the minutes the attempt service would.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from quizzes import marking
from quizzes.models import Attempt, AttemptQuestion
from quizzes.snapshots import question_snapshot

SNAPSHOTS_PER_QUESTION = 6


def right_response(snapshot: dict) -> dict:
    """A response that earns full marks (for the types the tests use)."""
    kind, key = snapshot["type"], snapshot["key"]
    if kind == "single_choice":
        best = max(key["options"], key=lambda o: o["credit"])
        return {"choice": best["id"]}
    if kind == "multiple_response":
        return {"choices": [o["id"] for o in key["options"] if o["credit"] > 0]}
    if kind == "true_false":
        return {"value": "true" if key["answer"] else "false"}
    if kind == "short_text":
        return {"text": key["answers"][0]["text"].replace("*", "x")}
    if kind == "numeric":
        answer = key["answers"][0]
        return {"value": str(answer.get("value") or answer.get("min"))}
    if kind == "hotspot":
        zone = key["zones"][0]
        return {"x": zone["coords"][0], "y": zone["coords"][1]}
    raise ValueError(kind)


def wrong_response(snapshot: dict, rng: random.Random, *, option: int | None = None) -> dict:
    """A response that earns nothing; `option` picks which distractor (in authoring order)."""
    kind, key = snapshot["type"], snapshot["key"]
    if kind in ("single_choice", "multiple_response"):
        wrong = [o for o in key["options"] if o["credit"] <= 0]
        chosen = wrong[option] if option is not None else rng.choice(wrong)
        return {"choice": chosen["id"]} if kind == "single_choice" else {"choices": [chosen["id"]]}
    if kind == "true_false":
        return {"value": "false" if key["answer"] else "true"}
    if kind == "short_text":
        return {"text": rng.choice(["haemothorax", "bruising", "Bruising "])}
    if kind == "numeric":
        return {"value": rng.choice(["1999", "2000"])}
    if kind == "hotspot":
        width = snapshot["display"]["width"] or 100
        height = snapshot["display"]["height"] or 100
        return {"x": round(width * 0.9, 1), "y": round(height * 0.9, 1)}
    raise ValueError(kind)


def trainees(count: int, *, prefix: str = "analysis") -> list:
    """Users without password hashing (bulk-inserted)."""
    User = get_user_model()
    start = User.objects.count()
    users = [
        User(email=f"{prefix}{start + i}@example.org", full_name=f"Trainee {start + i}")
        for i in range(count)
    ]
    for user in users:
        user.set_unusable_password()
    return User.objects.bulk_create(users, batch_size=1000)


Respond = Callable[[int, float, dict, random.Random], dict]


def submit_attempts(
    *,
    quiz,
    questions,
    abilities: list[float],
    respond: Respond | None = None,
    numbers: list[int] | None = None,
    submitted_at: dt.datetime | None = None,
    seed: int = 7,
) -> list[Attempt]:
    """One submitted attempt per ability (0..1) showing every question in order. `respond(index,
    ability, snapshot, rng)` returns the response; by default right with probability `ability`."""
    rng = random.Random(seed)
    snapshots = {
        question.pk: [
            question_snapshot(question, rng=random.Random(seed * 1000 + i), shuffle_options=True)
            for i in range(SNAPSHOTS_PER_QUESTION)
        ]
        for question in questions
    }

    def default(index, ability, snapshot, rng):
        if rng.random() < ability:
            return right_response(snapshot)
        return wrong_response(snapshot, rng)

    respond = respond or default
    users = trainees(len(abilities))
    when = submitted_at or timezone.now()
    attempts, rows = [], []
    for i, (user, ability) in enumerate(zip(users, abilities, strict=True)):
        attempt = Attempt(
            quiz=quiz,
            user=user,
            number=numbers[i] if numbers else 1,
            seed=i,
            status=Attempt.Status.SUBMITTED,
            submitted_at=when,
        )
        total, maximum, critical_missed = Decimal(0), Decimal(0), False
        marked = []
        for position, question in enumerate(questions):
            snapshot = rng.choice(snapshots[question.pk])
            response = respond(position, ability, snapshot, rng)
            result = marking.mark(snapshot["type"], snapshot["key"], response)
            score = marking.points_for(result, Decimal(snapshot["points"]))
            total += score
            maximum += Decimal(snapshot["points"])
            critical_missed |= bool(snapshot["critical"]) and not result.is_correct
            marked.append((position, question, snapshot, response, result.fraction, score))
        attempt.score, attempt.max_score = total, maximum
        attempt.percent = (total * 100 / maximum).quantize(Decimal("0.1")) if maximum else 0
        attempt.passed = attempt.percent >= quiz.pass_mark and not critical_missed
        attempt.failed_critical = critical_missed
        attempts.append(attempt)
        rows.append(marked)
    Attempt.objects.bulk_create(attempts, batch_size=1000)
    AttemptQuestion.objects.bulk_create(
        (
            AttemptQuestion(
                attempt=attempt,
                position=position,
                question=question,
                variant_set_id=question.variant_set_id,
                snapshot=snapshot,
                response=response,
                fraction=fraction,
                score=score,
            )
            for attempt, marked in zip(attempts, rows, strict=True)
            for position, question, snapshot, response, fraction, score in marked
        ),
        batch_size=2000,
    )
    return attempts

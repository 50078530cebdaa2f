"""Prerequisite rules an author may and may not save (issue 10, item 1).

Refused in the quiz editor with a message on the offending row: a quiz requiring itself, a quiz of
another course, the same quiz twice, and any cycle through the published rules of other quizzes.
Valid chains and diamonds must save.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from quizzes.models import QuizPage, QuizPrerequisite
from quizzes.prerequisites import cycle_through, prerequisite_errors, requirement_path
from tests.factories import build_course
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.admin_form import rendered_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def quizzes():
    """Four quizzes A, B, C, D in one course (A and B in module 1, C in module 2, D on top)."""
    course = build_course(modules=2, lessons_per_module=1, title="Course one")
    first, second = course.get_children().specific()
    made = {}
    for name, parent in (("A", first), ("B", first), ("C", second), ("D", course)):
        made[name] = quiz_with_questions(
            parent, [QuestionFactory(kind="true_false")], title=f"Quiz {name}"
        )
    return made


def require(quiz, *others):
    for order, other in enumerate(others):
        QuizPrerequisite.objects.create(quiz=quiz, required_quiz=other, sort_order=order)


def errors_for(quiz, *required):
    return prerequisite_errors(quiz=quiz, parent=quiz.get_parent(), required=list(required))


def test_a_quiz_cannot_require_itself(quizzes):
    assert errors_for(quizzes["A"], quizzes["A"]) == ["A quiz cannot require itself."]


def test_a_quiz_of_another_course_is_refused(quizzes):
    elsewhere = quiz_with_questions(
        build_course(modules=1, lessons_per_module=1, title="Course two"),
        [QuestionFactory(kind="true_false")],
        title="Other course quiz",
    )
    (error,) = errors_for(quizzes["A"], elsewhere)
    assert error == (
        "“Other course quiz” is in another course: prerequisites must be quizzes of “Course one”."
    )


def test_the_same_quiz_twice_is_refused_on_the_second_row(quizzes):
    assert errors_for(quizzes["D"], quizzes["A"], quizzes["B"], quizzes["A"]) == [
        None,
        None,
        "“Quiz A” is already required above.",
    ]


def test_cycle_of_two_is_refused_with_the_chain(quizzes):
    require(quizzes["B"], quizzes["A"])
    (error,) = errors_for(quizzes["A"], quizzes["B"])
    assert error == (
        "“Quiz B” already depends on this quiz (this quiz → “Quiz B” → this quiz): "
        "with this rule neither could ever be started."
    )


def test_cycle_of_three_is_refused_through_saved_rules_of_other_quizzes(quizzes):
    require(quizzes["B"], quizzes["C"])
    require(quizzes["C"], quizzes["A"])
    (error,) = errors_for(quizzes["A"], quizzes["B"])
    assert "(this quiz → “Quiz B” → “Quiz C” → this quiz)" in error


def test_valid_chains_and_diamonds_save(quizzes):
    a, b, c, d = (quizzes[name] for name in "ABCD")
    require(b, a)
    require(c, a, b)
    assert errors_for(d, a, b, c) == [None, None, None]  # D needs all: a diamond, no cycle
    assert errors_for(a) == []
    # A's own saved rules are replaced by the form's, so they never count against it.
    require(a, d)
    assert errors_for(a, d) == [None]


def test_a_new_quiz_is_checked_against_its_parents_course(quizzes):
    new = QuizPage(title="New quiz")
    parent = quizzes["A"].get_parent()
    assert prerequisite_errors(quiz=new, parent=parent, required=[quizzes["A"]]) == [None]


# The graph rule, for any graph: a reported path is real, and "no path" means none exists.
graphs = st.dictionaries(
    st.integers(0, 6), st.lists(st.integers(0, 6), max_size=4, unique=True), max_size=7
)


def reachable(start, edges):
    seen, todo = set(), [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@given(graphs, st.integers(0, 6), st.integers(0, 6))
def test_requirement_path_is_a_real_path_exactly_when_one_exists(edges, start, goal):
    path = requirement_path(start, goal, edges)
    exists = start == goal or goal in reachable(start, edges)
    assert (path is not None) == exists
    if path:
        assert path[0] == start and path[-1] == goal
        assert all(b in edges.get(a, ()) for a, b in zip(path, path[1:], strict=False))
        assert len(set(path)) == len(path)


@given(graphs, st.integers(0, 6), st.integers(0, 6))
def test_a_cycle_is_reported_exactly_when_the_new_rule_closes_one(edges, quiz, required):
    edges = {node: targets for node, targets in edges.items() if node != quiz}  # form replaces
    cycle = cycle_through(quiz, required, edges)
    closes = required == quiz or quiz in reachable(required, edges)
    assert (cycle is not None) == closes
    if cycle:
        assert cycle[0] == cycle[-1] == quiz and cycle[1] == required


# The editor: the refusal shows on the row and nothing is saved; a valid rule saves.
@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(email="admin@example.com", password="x")
    client.force_login(admin)
    return client


def edit_with_prerequisites(client, quiz, required):
    url = reverse("wagtailadmin_pages:edit", args=[quiz.id])
    page = client.get(url)
    assert page.status_code == 200
    data = rendered_form_data(page.content.decode())
    data = {k: v for k, v in data.items() if not k.startswith("prerequisites-")}
    existing = list(quiz.prerequisites.all())
    data.update(
        {
            "prerequisites-TOTAL_FORMS": str(len(required)),
            "prerequisites-INITIAL_FORMS": str(len(existing)),
            "prerequisites-MIN_NUM_FORMS": "0",
            "prerequisites-MAX_NUM_FORMS": "1000",
        }
    )
    for index, other in enumerate(required):
        row = existing[index].id if index < len(existing) else ""
        data.update(
            {
                f"prerequisites-{index}-id": str(row),
                f"prerequisites-{index}-required_quiz": str(other.id),
                f"prerequisites-{index}-ORDER": str(index + 1),
                f"prerequisites-{index}-DELETE": "",
            }
        )
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_the_editor_refuses_a_cycle_on_the_row_and_saves_nothing(admin_client, quizzes):
    require(quizzes["B"], quizzes["A"])
    response = edit_with_prerequisites(admin_client, quizzes["A"], [quizzes["B"]])
    assert response.status_code == 200  # the form again, not a redirect
    form = response.context["form"]
    assert not form.errors  # refused for the cycle alone, on its row
    assert form.formsets["prerequisites"].errors[0]["required_quiz"][0].startswith("“Quiz B”")
    html = response.content.decode()
    assert "“Quiz B” already depends on this quiz" in html
    assert not quizzes["A"].prerequisites.exists()


def test_the_editor_saves_a_valid_rule(admin_client, quizzes):
    response = edit_with_prerequisites(admin_client, quizzes["C"], [quizzes["A"], quizzes["B"]])
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = QuizPage.objects.get(pk=quizzes["C"].pk).prerequisites.all()
    assert [p.required_quiz_id for p in saved] == [quizzes["A"].id, quizzes["B"].id]


def test_the_editor_opens_after_a_required_quiz_was_deleted(admin_client, quizzes):
    """The quiz's latest revision still names the deleted quiz: the editor must not 500."""
    technique = quizzes["C"]
    technique.prerequisites = [QuizPrerequisite(required_quiz=quizzes["A"])]
    technique.save_revision().publish()
    quizzes["A"].delete()
    assert not QuizPrerequisite.objects.exists()
    url = reverse("wagtailadmin_pages:edit", args=[technique.id])
    assert admin_client.get(url).status_code == 200


def test_unpublishing_or_deleting_a_required_quiz_tells_the_author(admin_client, quizzes):
    require(quizzes["C"], quizzes["A"])
    require(quizzes["D"], quizzes["A"], quizzes["B"])
    response = admin_client.post(
        reverse("wagtailadmin_pages:unpublish", args=[quizzes["A"].id]), follow=True
    )
    assert response.status_code == 200
    warning = (
        "“Quiz C” and “Quiz D” required “Quiz A” passed first. While it is unpublished that "
        "rule is not applied, so trainees can now start them without it"
    )
    assert any(warning in str(m) for m in response.context["messages"])
    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[quizzes["B"].id]), follow=True
    )
    assert response.status_code == 200
    assert any(
        "“Quiz D” required “Quiz B” passed first. Deleting it removes that rule" in str(m)
        for m in response.context["messages"]
    )
    assert not QuizPage.objects.filter(pk=quizzes["B"].pk).exists()

from django.urls import path

from quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("quizzes/<id:quiz_id>/start/", views.start, name="start"),
    path("attempts/<id:attempt_id>/", views.attempt_page, name="attempt"),
    path("attempts/<id:attempt_id>/save/", views.save, name="save"),
    path("attempts/<id:attempt_id>/autosave/", views.autosave, name="autosave"),
    path("attempts/<id:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<id:attempt_id>/result/", views.result, name="result"),
]

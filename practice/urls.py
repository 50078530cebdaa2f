from django.urls import path

from practice import views

app_name = "practice"

urlpatterns = [
    path("skills/<id:skill_id>/sessions/", views.log_session, name="log_session"),
    path("skills/<id:skill_id>/request/", views.request_signoff, name="request_signoff"),
    path("skills/<id:skill_id>/invite/", views.invite_supervisor, name="invite_supervisor"),
    path("courses/<id:course_id>/logbook.pdf", views.logbook_pdf, name="logbook"),
]

# Outside the namespace: emails build it with reverse("practice_cosign").
cosign_urlpatterns = [
    path("practice/cosign/<str:token>/", views.cosign, name="practice_cosign"),
]

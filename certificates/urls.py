from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<id:certificate_id>/download/", views.download, name="download"),
    path("certificates/<id:certificate_id>/resend/", views.resend, name="resend"),
    path("certificates/<id:certificate_id>/recertify/", views.recertify, name="recertify"),
    path(
        "certificates/transcript.csv",
        views.transcript_download,
        {"fmt": "csv"},
        name="transcript_csv",
    ),
    path(
        "certificates/transcript.pdf",
        views.transcript_download,
        {"fmt": "pdf"},
        name="transcript_pdf",
    ),
    path("certificates/verify/", views.lookup, name="lookup"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
]

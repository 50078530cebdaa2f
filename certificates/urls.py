from django.urls import path

from certificates import credential_views, views

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
    path(".well-known/jwks.json", credential_views.jwks, name="jwks"),
    path("credentials/issuer.json", credential_views.issuer, name="issuer"),
    path("credentials/status/revocation", credential_views.status_list, name="status_list"),
    path(
        "certificates/<id:certificate_id>/credential.json",
        credential_views.download_json,
        name="credential_json",
    ),
    path(
        "certificates/<id:certificate_id>/credential.jwt",
        credential_views.download_jwt,
        name="credential_jwt",
    ),
    path(
        "certificates/<id:certificate_id>/badge.png",
        credential_views.download_badge,
        name="credential_badge",
    ),
    path("certificates/verify/credential/", credential_views.verify_upload, name="verify_file"),
    path("certificates/verify/", views.lookup, name="lookup"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
]

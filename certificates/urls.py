from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<int:certificate_id>/download/", views.download, name="download"),
    path("certificates/verify/", views.lookup, name="lookup"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
]

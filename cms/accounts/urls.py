from django.urls import path

from . import views

urlpatterns = [
    path("daftar/", views.enrol, name="accounts_2fa_enrol"),
    path("verifikasi/", views.verify, name="accounts_2fa_verify"),
    path("kode-pemulihan/", views.recovery_codes, name="accounts_2fa_recovery_codes"),
]

"""PPID routes: the information request, its receipt, the requester's secret
link page, answer documents by signed link, and the public register. The
notification emails build /ppid/permohonan/<token>/ and /ppid/dokumen/<signed>/."""

from django.urls import include, path

from . import ppid_requester_views, ppid_views

urlpatterns = [
    path("ppid/permohonan/", ppid_views.request_form, name="ppid-request"),
    path("ppid/permohonan/terkirim/", ppid_views.receipt, name="ppid-receipt"),
    path(
        "ppid/permohonan/<str:token>/",
        ppid_requester_views.requester_page,
        name="ppid-requester",
    ),
    path(
        "ppid/dokumen/<str:signed>/",
        ppid_requester_views.document_download,
        name="ppid-document",
    ),
    path("ppid/register/", ppid_views.register, name="ppid-register"),
    path("", include("portal.ppid_annual_urls")),  # the annual report
]

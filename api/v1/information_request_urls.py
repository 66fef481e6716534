"""Routes of information requests to the PPID (docs/api/information-requests.md)."""

from django.urls import path

from api.v1.views import information_requests as views

urlpatterns = [
    path(
        "information-requests/",
        views.RequestSubmitView.as_view(),
        name="information-request-submit",
    ),
    path(
        "information-requests/mine/",
        views.RequestMineView.as_view(),
        name="information-request-mine",
    ),
    path(
        "information-requests/mine/objections/",
        views.ObjectionFileView.as_view(),
        name="information-request-objections",
    ),
    path(
        "information-requests/register/",
        views.RegisterView.as_view(),
        name="information-request-register",
    ),
]

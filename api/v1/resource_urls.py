"""Routes of the read resources (see docs/api/resources.md)."""

from django.urls import path

from api.v1.views import content

urlpatterns = [
    path("content/", content.ContentListView.as_view(), name="content-list"),
    path(
        "content/<int:pk>/", content.ContentDetailView.as_view(), name="content-detail"
    ),
    path(
        "opd/<str:opd_slug>/content/<str:slug>/",
        content.OPDContentDetailView.as_view(),
        name="opd-content-detail",
    ),
]

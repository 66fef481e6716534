"""Routes of citizens' reports (docs/api/reports.md)."""

from django.urls import path

from api.v1.views import reports

urlpatterns = [
    path("reports/", reports.ReportSubmitView.as_view(), name="report-submit"),
    path(
        "reports/<str:code>/", reports.ReportDetailView.as_view(), name="report-detail"
    ),
    path(
        "reports/<str:code>/replies/",
        reports.ReportReplyView.as_view(),
        name="report-replies",
    ),
]

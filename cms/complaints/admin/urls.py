"""Admin URLs under /admin/aduan/ (namespace ``complaints_admin``)."""

from django.urls import path

from . import followup, queues, views
from .actions import ReportActionView

app_name = "complaints_admin"


def _queue(prefix: str, view_class, name: str) -> list:
    return [
        path(prefix, view_class.as_view(), name=name),
        path(
            f"{prefix}hasil/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


urlpatterns = [
    path("", views.queue_index, name="index"),
    *_queue("masuk/", queues.IncomingQueueView, "masuk"),
    *_queue("semua/", queues.AllReportsView, "semua"),
    *_queue("opd/", queues.OPDQueueView, "opd"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path(
        "<int:pk>/aksi/<slug:action>/",
        ReportActionView.as_view(),
        name="action",
    ),
    path(
        "<int:pk>/tindak-lanjut/",
        followup.FollowUpPublishView.as_view(),
        name="followup",
    ),
    path(
        "<int:pk>/tindak-lanjut/tarik/",
        followup.FollowUpWithdrawView.as_view(),
        name="followup_withdraw",
    ),
    path(
        "<int:pk>/lampiran/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
]

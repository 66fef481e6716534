"""Admin URLs under /admin/aduan/ (namespace ``complaints_admin``)."""

from django.urls import path

from cms.core.queue_admin import queue_paths

from . import followup, queues, views
from .actions import ReportActionView

app_name = "complaints_admin"

urlpatterns = [
    path("", views.queue_index, name="index"),
    *queue_paths("masuk/", queues.IncomingQueueView, "masuk"),
    *queue_paths("semua/", queues.AllReportsView, "semua"),
    *queue_paths("opd/", queues.OPDQueueView, "opd"),
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

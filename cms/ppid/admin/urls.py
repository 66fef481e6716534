"""Admin URLs under /admin/ppid/ (namespace ``ppid_admin``)."""

from django.urls import path

from . import queues, views
from .actions import RequestActionView

app_name = "ppid_admin"


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
    *_queue("semua/", queues.AllRequestsView, "semua"),
    *_queue("opd/", queues.OPDQueueView, "opd"),
    *_queue("keberatan/", queues.ObjectionQueueView, "keberatan"),
    path("<int:pk>/", views.RequestDetailView.as_view(), name="detail"),
    path("<int:pk>/aksi/<slug:action>/", RequestActionView.as_view(), name="action"),
    path(
        "<int:pk>/dokumen/<int:document_pk>/",
        views.document_download,
        name="document",
    ),
    path(
        "<int:pk>/dokumen/<int:document_pk>/dip/",
        views.document_promote,
        name="promote",
    ),
    path(
        "<int:pk>/identitas/<int:document_pk>/",
        views.identity_download,
        name="identity",
    ),
]

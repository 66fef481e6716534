"""Admin URLs under /admin/ppid/ (namespace ``ppid_admin``)."""

from django.urls import path

from cms.core.queue_admin import queue_paths

from . import queues, views
from .actions import RequestActionView

app_name = "ppid_admin"

urlpatterns = [
    path("", views.queue_index, name="index"),
    *queue_paths("masuk/", queues.IncomingQueueView, "masuk"),
    *queue_paths("semua/", queues.AllRequestsView, "semua"),
    *queue_paths("opd/", queues.OPDQueueView, "opd"),
    *queue_paths("keberatan/", queues.ObjectionQueueView, "keberatan"),
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

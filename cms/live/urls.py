from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("dashboard/", views.DashboardPanelsView.as_view(), name="dashboard"),
    path("pages/<int:page_id>/banner/", views.page_banner, name="page_banner"),
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path(
        "notifications/summary/",
        views.notification_summary,
        name="notification_summary",
    ),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
]

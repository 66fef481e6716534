"""Citizen complaint routes: report, receipt, follow by code, the secret link.
The notification emails build /lapor/lacak/?kode=<code> and /lapor/balas/<token>/."""

from django.urls import path

from . import (
    complaints_reply_views,
    complaints_stats_views,
    complaints_views,
    followup_views,
)

urlpatterns = [
    path("lapor/", complaints_views.report_form, name="complaints-report"),
    path(
        "lapor/terkirim/<str:code>/",
        complaints_views.receipt,
        name="complaints-receipt",
    ),
    path("lapor/lacak/", complaints_views.track, name="complaints-track"),
    path(
        "lapor/statistik/",
        complaints_stats_views.statistics,
        name="complaints-statistics",
    ),
    path(
        "lapor/tindak-lanjut/",
        followup_views.followup_listing,
        name="complaints-followups",
    ),
    path(
        "lapor/balas/<str:token>/",
        complaints_reply_views.reply_page,
        name="complaints-reply",
    ),
]

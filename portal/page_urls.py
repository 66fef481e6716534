"""Portal pages outside the Wagtail tree: OPD directory, topics, content types."""

from django.urls import path

from . import views

urlpatterns = [
    path("opd/", views.opd_directory, name="opd-directory"),
    path("topik/", views.topic_index, name="topic-index"),
    path("topik/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("jenis/<slug:type_code>/", views.type_listing, name="type-listing"),
]

"""Search routes: the citizens' search page (its JSON twin is /api/v1/search/)."""

from django.urls import path

from . import search_views

urlpatterns = [path("cari/", search_views.search_page, name="portal-search")]

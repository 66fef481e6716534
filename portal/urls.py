"""Portal routes outside the Wagtail page tree (the page tree is served after these)."""

from django.urls import include, path

from . import dip_views, favicon

urlpatterns = [
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("dip/", dip_views.dip_province, name="dip-province"),
    path("", include("portal.page_urls")),
    path("", include("portal.search_urls")),
    path("", include("portal.complaints_urls")),
    path("", include("portal.ppid_urls")),
]

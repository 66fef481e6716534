"""Our URLs, plus Wagtail API v2 at /api/v2/ (the static limit is in asgi.py)."""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("api/v2/", router.urls),
    path("", include("cms.urls")),
]

"""Route of the headless preview (see api/preview and docs/api/feeds-and-preview.md)."""

from django.urls import path

from api.preview.views import PreviewView

urlpatterns = [path("preview/", PreviewView.as_view(), name="preview")]

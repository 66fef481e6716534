from django.urls import include, path
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("dua-faktor/", include(urls))]


@hooks.register("register_admin_viewset")
def access_attempts_viewset():
    from .lockouts_admin import AccessAttemptViewSet

    return AccessAttemptViewSet("percobaan_masuk")

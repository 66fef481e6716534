"""Bahasa Indonesia first: the portal speaks Indonesian unless the reader chose
English with the language switch (the language cookie).

Django's LocaleMiddleware would otherwise follow the browser's Accept-Language, so a
phone set to English would get English menus on a first visit, and the same shared
link would read differently from reader to reader. The Wagtail admin keeps each
editor's own preference (it activates it itself).
"""


class IndonesianFirstMiddleware:
    """Drop Accept-Language outside the admin; put it before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(("/admin/", "/django-admin/")):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)

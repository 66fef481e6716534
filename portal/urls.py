"""Portal routes outside the Wagtail page tree (search, directories come here)."""

urlpatterns: list = []

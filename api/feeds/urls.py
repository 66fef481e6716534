"""RSS/Atom feeds per OPD and per series (see api/feeds)."""

urlpatterns: list = []

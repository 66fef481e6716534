"""The complaints screens of the Wagtail admin: queues per role, a report's page
with its timeline and action forms, and permission-checked attachment downloads.

Every view reads reports through ``selectors.reports_for(user)``, so a liaison of
one OPD gets a 404 for another OPD's report whatever URL they type. State changes go
through ``services``; these views only collect the input and show the outcome.
Registered in ``cms/complaints/wagtail_hooks.py``.
"""

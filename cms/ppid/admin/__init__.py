"""The PPID screens of the Wagtail admin ("Layanan Informasi"): queues per role,
a request's page with its timeline and action forms, and permission-checked
document downloads.

Every view reads requests through ``selectors.requests_for(user)``, so a PPID
Pelaksana of one OPD gets a 404 for another OPD's request whatever URL they type.
State changes go through ``services``; these views only collect the input and
show the outcome (a refusal comes back by the field it concerns).
Registered in ``cms/ppid/wagtail_hooks.py``.
"""

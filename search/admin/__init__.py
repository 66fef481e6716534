"""Wagtail admin screens of the public search (registered in ``wagtail_hooks``)."""

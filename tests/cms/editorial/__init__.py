"""The editorial suite: people of each OPD, media in their collections.

Every test acts through Wagtail's real admin views with Django's test client, the way an
editor or reviewer would, against the real PostgreSQL and S3 servers. People and media
come from ``tests.factories``.
"""

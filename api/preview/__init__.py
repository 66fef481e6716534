"""Headless preview: an OPD site fetches a draft with a signed token and its API key.

Tokens are minted and read by ``cms.content.preview`` (the editor's "Situs OPD"
preview mode); this package only serves ``GET /api/v1/preview/``.
"""

"""/lapor/statistik/: how each OPD handles the complaints disposed to it.

Public and identical for everyone, but it follows the reports rather than
published content, so it stays out of the portal page cache (no ``@cacheable``,
whose invalidation follows content changes) and lets browsers and proxies keep it
five minutes instead; the figures themselves are cached as long
(``stats.cached_statistics``).
"""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cms.complaints.stats import cached_statistics

MAX_AGE = 300


@require_safe
def statistics(request):
    opds, province = cached_statistics()
    response = render(
        request,
        "complaints/statistics.html",
        {"opds": opds, "province": province},
    )
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response

"""/lapor/tindak-lanjut/: resolved citizen reports the verification team published,
anonymised, as "tindak lanjut" pages; newest first. They are content pages, so the
list is read through the content selectors (the one visibility rule) and cached
like any content listing (a publish or withdrawal moves the content generation)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .cache import cacheable
from .views import _listing


@require_safe
@cacheable
def followup_listing(request):
    from cms.content.models import FollowUpPage
    from cms.content.selectors import public_items_for_listing

    items = public_items_for_listing().exact_type(FollowUpPage)
    return render(request, "complaints/followups.html", _listing(request, items))

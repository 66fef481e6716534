"""Portal views outside the page tree (OPD directory, topics, content types); the
DIP and search views live in ``dip_views`` and ``search_views``. They only read
through cms selectors."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .cache import cacheable
from .content_types import TYPE_LABELS

ITEMS_PER_PAGE = 12


def _listing(request, items):
    """One page of cards: thumbnails and their renditions read in bulk."""
    items = (
        items.select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-publish_date", "-pk")
    )
    page_obj = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("halaman"))
    return {"page_obj": page_obj, "items": page_obj.object_list}


@cacheable
def opd_directory(request):
    """Every public OPD, grouped by kind (dinas, badan, biro...)."""
    from cms.opd.models import OPDKind
    from cms.opd.selectors import opd_list

    opds = list(opd_list().select_related("logo"))
    groups = []
    for kind in OPDKind:
        members = [opd for opd in opds if opd.kind == kind]
        if members:
            groups.append({"kind": kind, "label": kind.label, "opds": members})
    return render(
        request, "portal/opd_directory.html", {"groups": groups, "total": len(opds)}
    )


@cacheable
def topic_index(request):
    """Topics carried by public items, most used first."""
    from cms.content.selectors import public_tag_counts

    return render(request, "portal/topic_index.html", {"topics": public_tag_counts()})


@cacheable
def topic_detail(request, slug):
    """Public items with one topic; a topic only drafts carry does not exist."""
    from taggit.models import Tag

    from cms.content.selectors import content_tagged, public_items_for_listing

    tag = Tag.objects.filter(slug=slug).first()
    items = public_items_for_listing().filter(pk__in=content_tagged([slug]))
    if tag is None or not items.exists():
        raise Http404(_("Topik tidak ditemukan."))
    context = {"tag": tag, **_listing(request, items)}
    return render(request, "portal/topic_detail.html", context)


@cacheable
def type_listing(request, type_code):
    """Public items of one content type, newest first."""
    from cms.content.models import CONTENT_TYPES
    from cms.content.selectors import public_items_for_listing

    model = CONTENT_TYPES.get(type_code)
    if model is None:
        raise Http404(_("Jenis konten tidak dikenal."))
    items = public_items_for_listing().exact_type(model)
    context = {
        "type_code": type_code,
        "type_label": TYPE_LABELS[type_code],
        "types": TYPE_LABELS,
        **_listing(request, items),
    }
    return render(request, "portal/type_listing.html", context)

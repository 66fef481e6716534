"""The search page at /cari/: the search API's engine, rendered as HTML.

Works without JavaScript (a GET form, facets as checkboxes of the same form, links
for everything else); ``search-filters.js`` only swaps the results region in place.
Bad parameters answer 400 with the form and a message: never a 500 for any input.
With Elasticsearch unreachable the database answers and the page says the results
are limited ("hasil terbatas").
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from search.queries.params import (
    MAX_QUERY_LENGTH,
    InvalidParams,
    SearchParams,
    clean_query,
    parse_search_params,
)
from search.queries.public import search_public

from . import search_display as display
from . import search_markup as markup
from .complaints_promo import wants_complaints
from .ppid_promo import wants_ppid

TEMPLATE = "portal/search.html"
PARAM_LABELS = {
    "q": _("Kata kunci"),
    "opd": _("Perangkat daerah"),
    "type": _("Jenis informasi"),
    "kategori": _("Kategori DIP"),
    "year": _("Tahun"),
    "series": _("Seri"),
    "page": _("Halaman"),
    "page_size": _("Jumlah per halaman"),
}


# The page has its own search box: the header leaves its one out (one box on phones).
LAYOUT = {"page_has_search": True}


def search_page(request):
    path = request.path
    try:
        params = parse_search_params(request.GET)
    except InvalidParams as error:
        typed = clean_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
        context = {"q": typed, "errors": _error_messages(error), **LAYOUT}
        return render(request, TEMPLATE, context, status=400)
    context = {
        **LAYOUT,
        "q": params.q,
        "params": params,
        "carried": display.carried_state(params),
    }
    if not params.q and not params.filters:
        return render(request, TEMPLATE, context)  # the empty form and some tips
    result = search_public(params)
    context.update(_result_context(path, result, params))
    context["complaints_promo"] = params.page == 1 and wants_complaints(params.q)
    context["ppid_promo"] = params.page == 1 and wants_ppid(params.q)
    return render(request, TEMPLATE, context)


def _result_context(path: str, result, params: SearchParams) -> dict:
    first, last = display.shown_range(result, params)
    rows = display.result_rows(result)
    facets = display.facet_groups(result, params)
    active_filters = display.active_filters(path, result, params)
    return {
        "result": result,
        "rows": rows,
        "hits_html": markup.hits_html(rows),
        "facets": facets,
        "facets_html": markup.facets_html(facets, active_filters),
        "active_filters": active_filters,
        "clear_filters_url": display.clear_filters_url(path, params),
        "pagination": display.pagination(path, result, params),
        "first": first,
        "last": last,
        "suggestion_url": display.search_url(path, params, q=result.suggestion, page=1)
        if result.suggestion
        else None,
    }


def _error_messages(error: InvalidParams) -> list[str]:
    return [
        f"{PARAM_LABELS.get(name, name)}: {message}"
        for name, messages in error.errors.items()
        for message in messages
    ]

"""DIP page helpers: structured data. The documents they receive are those the
public may download (``PublicView.documents_of``: none for an exempted entry)."""

from django import template

from portal import dip_data

register = template.Library()


@register.simple_tag(takes_context=True)
def dip_dataset_data(context, entry, documents):
    return dip_data.dip_dataset(context["request"], entry, documents)


@register.simple_tag(takes_context=True)
def dip_catalog_data(context, listing, opd=None):
    return dip_data.dip_catalog(context["request"], listing, opd)

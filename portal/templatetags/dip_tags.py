"""DIP page helpers: the documents a citizen may download, and their structured
data. Exempted entries never reach these (``public_documents_of`` gives none)."""

from django import template

from portal import dip_data

from .portal_media import is_private_media

register = template.Library()


@register.simple_tag(takes_context=True)
def dip_documents(context, documents):
    """The entry's documents minus any in a private collection."""
    return [doc for doc in documents or () if not is_private_media(context, doc)]


@register.simple_tag(takes_context=True)
def dip_dataset_data(context, entry, documents):
    return dip_data.dip_dataset(context["request"], entry, documents)


@register.simple_tag(takes_context=True)
def dip_catalog_data(context, listing, opd=None):
    return dip_data.dip_catalog(context["request"], listing, opd)

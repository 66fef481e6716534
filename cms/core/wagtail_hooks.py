from wagtail import hooks

from cms.core.avatars import avatar_url
from cms.core.rich_text import PublicDocumentLinkHandler


# After wagtail.documents' own registration (order 0), which this one replaces.
@hooks.register("register_rich_text_features", order=10)
def public_document_links(features):
    features.register_link_type(PublicDocumentLinkHandler)


@hooks.register("register_admin_viewset")
def holidays_viewset():
    from cms.core.holidays_admin import HolidayViewSet

    return HolidayViewSet("hari_libur")


# Initials instead of Gravatar (unreachable, and it would learn editors' emails).
hooks.register("get_avatar_url", avatar_url)

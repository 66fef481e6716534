from wagtail import hooks

from cms.core.rich_text import PublicDocumentLinkHandler


# After wagtail.documents' own registration (order 0), which this one replaces.
@hooks.register("register_rich_text_features", order=10)
def public_document_links(features):
    features.register_link_type(PublicDocumentLinkHandler)


@hooks.register("register_admin_viewset")
def holidays_viewset():
    from cms.core.holidays_admin import HolidayViewSet

    return HolidayViewSet("hari_libur")

from wagtail import hooks

from cms.core.rich_text import PublicDocumentLinkHandler


# After wagtail.documents' own registration (order 0), which this one replaces.
@hooks.register("register_rich_text_features", order=10)
def public_document_links(features):
    features.register_link_type(PublicDocumentLinkHandler)

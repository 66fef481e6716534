"""Document links in rich text as the public sees them: a link to a document the
public may not download (withheld by an exempted DIP entry, or in a private
collection) keeps its text but loses its address, whose file name can say as much
as the title."""

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler

from cms.core.visibility import public_view


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        view = public_view()
        return [
            f'<a href="{escape(document.url)}">'
            if document is not None and view.document_is_public(document)
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]

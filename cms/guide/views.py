"""The editor guide in the admin: /admin/panduan/ and /admin/panduan/<slug>/.

Every signed-in admin user may read it (Wagtail's admin URLs already require the
``access_admin`` permission)."""

from django.http import Http404
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .pages import INDEX, GuidePage, find_page, guide_pages, render_page


class GuidePageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "guide/page.html"
    header_icon = "help"
    # No breadcrumbs: the classic header shows the title as the page's visible h1.
    breadcrumbs_items = []

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        slug = kwargs.get("slug", INDEX)
        self.page: GuidePage | None = find_page(slug)
        # The index has one address, /admin/panduan/ (not .../index/ as well).
        if self.page is None or ("slug" in kwargs and slug == INDEX):
            raise Http404

    def get_page_title(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = guide_pages()
        at = pages.index(self.page)
        context.update(
            guide_page=self.page,
            guide_pages=pages,
            # Escaped by the renderer: raw HTML in the files is shown as text.
            body=mark_safe(render_page(self.page)),  # noqa: S308
            previous_page=pages[at - 1] if at > 0 else None,
            next_page=pages[at + 1] if at + 1 < len(pages) else None,
        )
        return context

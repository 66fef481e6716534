from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.rich_text import RichText

from cms.core.forms import MediaScopedPageForm

from .accessibility import accessibility_problems


class ContentPageForm(MediaScopedPageForm):
    """Adds the accessibility checks to every action except saving a draft; a new
    item's body starts with an empty paragraph; the series order is asked for only
    when a series is chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "series_order" in self.fields:
            field = self.fields["series_order"]
            field.required = False
            field.help_text = _(
                "Hanya untuk butir dalam seri. Kosongkan untuk menaruhnya sesudah "
                "butir terakhir seri."
            )
            if not self.instance.series_order:
                self.initial["series_order"] = None
        if not self.is_bound and self.instance.pk is None:
            self._start_with_paragraph()

    def _start_with_paragraph(self):
        """One click less: the editor types straight into the first paragraph."""
        wanted = getattr(self.instance, "starts_with_paragraph", False)
        if wanted and "body" in self.fields and not self.instance.body:
            self.instance.body = [("paragraph", RichText(""))]
            self.initial["body"] = self.instance.body

    def clean_series_order(self):
        return self.cleaned_data.get("series_order") or 0

    def _order_in_series(self, cleaned_data):
        """Out of a series the order means nothing (0); in one, a missing order
        puts the item after the series' last item, so it is always 1 or more."""
        series = cleaned_data.get("series")
        if series is None:
            cleaned_data["series_order"] = 0
        elif not cleaned_data.get("series_order"):
            last = (
                series.items.exclude(pk=self.instance.pk)
                .aggregate(last=Max("series_order"))
                .get("last")
            )
            cleaned_data["series_order"] = (last or 0) + 1

    def clean(self):
        cleaned_data = super().clean()
        if "series_order" in self.fields and "series" in self.fields:
            self._order_in_series(cleaned_data)
        # Wagtail defers required-field validation only when saving a draft.
        if not getattr(self, "is_deferred_validation", False):
            model = type(self.instance)
            for field, message in accessibility_problems(model, cleaned_data.get):
                if field in self.fields:
                    self.add_error(field, message)
                else:
                    self.add_error(None, message)
        return cleaned_data


class FollowUpPageForm(ContentPageForm):
    """A published follow-up of a citizen report. The complaints app registers
    ``clean_followup_page`` hooks (who may change the approved text, identity
    leaks): this app must not import it. Without any hook, only superusers may
    save: the rule fails closed."""

    def clean(self):
        cleaned_data = super().clean()
        checks = hooks.get_hooks("clean_followup_page")
        if not checks and not getattr(self.for_user, "is_superuser", False):
            raise ValidationError(_("Tindak lanjut aduan tidak dapat diubah di sini."))
        for check in checks:
            check(self, cleaned_data)
        return cleaned_data

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.core.forms import MediaScopedPageForm

from .accessibility import accessibility_problems


class ContentPageForm(MediaScopedPageForm):
    """Adds the accessibility checks to every action except saving a draft."""

    def clean(self):
        cleaned_data = super().clean()
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

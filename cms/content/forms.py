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

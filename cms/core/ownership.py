"""Pages owned by an OPD (content items, DIP entries).

The mixin lives here, below every app, so the content and DIP models need not import
the OPD models (whose pages list content and DIP entries: an import cycle)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OPDOwnedMixin(models.Model):
    """A page that belongs to the OPD above it in the tree, kept as a direct foreign key
    so listings filter and join without walking the tree."""

    opd = models.ForeignKey(
        "opd.OPDPage",
        verbose_name=_("OPD"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.path:
            opd_model = self._meta.get_field("opd").related_model
            parent = getattr(self, "_cached_parent_obj", None)
            if isinstance(parent, opd_model):
                self.opd_id = parent.pk  # the usual case, and no query at all
            else:
                self.opd_id = (
                    opd_model.objects.ancestor_of(self, inclusive=False)
                    .values_list("pk", flat=True)
                    .first()
                )
        super().save(*args, **kwargs)

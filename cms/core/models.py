"""National holidays and cuti bersama: the calendar behind working-day deadlines
(``cms.core.workdays``), shared by complaints and PPID requests."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core import holiday_cache


def _forget_now_and_after_commit() -> None:
    # Now for this request; again after commit in case another thread reloaded
    # the old rows between the write and the commit.
    holiday_cache.forget()
    transaction.on_commit(holiday_cache.forget)


class HolidayQuerySet(models.QuerySet):
    """Bulk writes forget the memo too (they bypass ``save``/``delete``)."""

    def update(self, **kwargs):
        kwargs.setdefault("updated_at", timezone.now())
        count = super().update(**kwargs)
        _forget_now_and_after_commit()
        return count

    def delete(self):
        result = super().delete()
        _forget_now_and_after_commit()
        return result

    def bulk_create(self, *args, **kwargs):
        result = super().bulk_create(*args, **kwargs)
        _forget_now_and_after_commit()
        return result

    def bulk_update(self, objs, fields, *args, **kwargs):
        for obj in objs:
            obj.updated_at = timezone.now()
        result = super().bulk_update(objs, [*fields, "updated_at"], *args, **kwargs)
        _forget_now_and_after_commit()
        return result


class Holiday(models.Model):
    class Kind(models.TextChoices):
        LIBUR_NASIONAL = "libur_nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(
        _("jenis"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.LIBUR_NASIONAL,
    )
    # Part of the signature other processes compare (cms/core/holiday_cache.py).
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)
        _forget_now_and_after_commit()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _forget_now_and_after_commit()
        return result

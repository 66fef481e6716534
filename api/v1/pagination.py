"""Cursor pagination: pages stay stable while new items are published between two
fetches (an offset would shift), which is what a mirror walking the list needs.

``ordering`` picks one of a small allowed set; every ordering ends with ``id`` so
items with equal dates keep a fixed order.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
INVALID_CURSOR = _("Kursor tidak valid; mulai lagi dari halaman pertama.")


def page_size_from(params, default: int = DEFAULT_PAGE_SIZE) -> int:
    """``page_size`` between 1 and ``MAX_PAGE_SIZE`` (larger values are capped).
    Empty or repeated is a 400 (the schema says one integer)."""
    given = params.getlist("page_size")
    if not given:
        return default
    try:
        value = int(given[0]) if len(given) == 1 else 0
    except ValueError:
        value = 0
    if value < 1:
        raise ValidationError(
            {"page_size": [_("Harus bilangan bulat 1 sampai %d.") % MAX_PAGE_SIZE]}
        )
    return min(value, MAX_PAGE_SIZE)


class StableCursorPagination(CursorPagination):
    """Orderings come from the view's ``get_ordering()`` when it has one."""

    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    ordering = ("-id",)

    def get_page_size(self, request):
        return page_size_from(request.query_params, self.page_size)

    def get_ordering(self, request, queryset, view):
        if view is not None and hasattr(view, "get_ordering"):
            return tuple(view.get_ordering())
        return self.ordering

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({"cursor": [INVALID_CURSOR]}) from None
        if cursor is not None and cursor.position is not None:
            self._check_position(cursor.position)
        return cursor

    def _check_position(self, position: str) -> None:
        """A forged position must fail here, not in the database (a 500, and a
        broken transaction)."""
        field = self._model._meta.get_field(self.ordering[0].lstrip("-"))
        try:
            if "\x00" in position:
                raise ValueError
            field.to_python(position)
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            raise ValidationError({"cursor": [INVALID_CURSOR]}) from None

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        try:
            return super().paginate_queryset(queryset, request, view)
        except (DjangoValidationError, DataError, ValueError, TypeError, OverflowError):
            raise ValidationError({"cursor": [INVALID_CURSOR]}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.cursor_query_param:
                parameter["description"] = str(
                    _("Kursor dari tautan next/previous respons sebelumnya.")
                )
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = str(
                    _("Jumlah butir per halaman (bawaan %(d)d, paling banyak %(m)d).")
                    % {"d": self.page_size, "m": self.max_page_size}
                )
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "default": self.page_size,
                }
        return parameters

"""Locking a case's row for a state change (complaints, information requests)."""


def lock_row(instance):
    """``instance``'s row locked (SELECT ... FOR UPDATE) until the transaction
    ends, its stored values copied onto ``instance`` itself, so concurrent actions
    see each other's changes. Call inside ``transaction.atomic()``."""
    model = type(instance)
    fresh = model.objects.select_for_update().get(pk=instance.pk)
    instance.__dict__.update(
        {f.attname: getattr(fresh, f.attname) for f in model._meta.concrete_fields}
    )
    return instance

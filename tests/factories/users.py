"""People of the CMS: an OPD's editors and reviewers, the province team."""

import factory
from django.conf import settings
from django.contrib.auth.models import Group

from cms.opd.access import PROVINCE_GROUP


def _role_group(opd, role):
    if role == "editor":
        return opd.editor_group
    if role == "reviewer":
        return opd.reviewer_group
    if role == "province":
        return Group.objects.get(name=PROVINCE_GROUP)
    raise ValueError(role)


class UserFactory(factory.django.DjangoModelFactory):
    """``UserFactory(opd=opd, role="editor" | "reviewer")``, ``UserFactory(role=
    "province")``, ``UserFactory(groups=[...])`` or ``UserFactory(superuser=True)``;
    the password is always ``x``."""

    class Meta:
        model = settings.AUTH_USER_MODEL

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    # Not model fields: taken out again in _create.
    opd = None
    role = None
    groups = ()

    username = factory.LazyAttributeSequence(
        lambda o, n: (
            f"{o.opd.slug if o.opd else 'provinsi'}.{o.role}.{n}"
            if o.role
            else f"user{n}"
        )
    )
    email = factory.LazyAttribute(lambda o: f"{o.username}@bantenprov.go.id")
    password = factory.django.Password("x")

    @classmethod
    def _create(cls, model_class, *args, opd=None, role=None, groups=(), **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        groups = [*groups, _role_group(opd, role)] if role else list(groups)
        if groups:
            user.groups.add(*groups)
        return user

"""Workflow and task names read naturally in Wagtail's sentences ("Ajukan ke redaksi
Diskominfo"), and OPDs set up under the old names are renamed, not duplicated."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Task, Workflow

from cms.opd.access import opd_access_ensure

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cms.opd.migrations.0004_natural_workflow_names")


def _old_names(opd):
    workflow = opd.get_workflow()
    Workflow.objects.filter(pk=workflow.pk).update(name=f"Redaksi {opd.slug}")
    Task.objects.filter(pk=workflow.tasks.first().pk).update(
        name=f"Tinjauan {opd.slug}"
    )
    return workflow


def _names(opd):
    workflow = Workflow.objects.get(pk=opd.get_workflow().pk)
    return workflow.name, workflow.tasks.first().name


@pytest.mark.parametrize("repair", ["setup", "migration"])
def test_old_names_are_renamed_in_place(opds, repair):
    opd = opds["diskominfo"]
    _old_names(opd)
    counts = Workflow.objects.count(), Task.objects.count()
    if repair == "setup":
        opd_access_ensure(opd)
    else:
        migration.rename(apps, None)
    assert _names(opd) == ("redaksi DISKOMINFO", "tinjauan redaksi DISKOMINFO")
    assert (Workflow.objects.count(), Task.objects.count()) == counts

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "cms.workflow"
    label = "editorial"
    verbose_name = _("Alur redaksi")

"""Models of the public search app (label ``public_search``), one module per concern."""

from .bestbet_models import *  # noqa
from .outbox_models import *  # noqa
from .vocabulary_models import *  # noqa

"""Models of the public search app (label ``public_search``): Django loads this
module; each model lives with the code that uses it."""

from .indexing.models import *  # noqa
from .language.models import *  # noqa
from .queries.models import *  # noqa

"""Local development: DEBUG on by default; services only if their variables are set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)

"""Settings of the search benchmark's server: the production settings as they are,
psycopg pool included (``DATABASE_POOL_SIZE=0`` in the shell turns it off)."""

from cms.settings.production import *  # noqa: F403

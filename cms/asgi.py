import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
django.setup(set_prefix=False)  # as django.core.asgi.get_asgi_application does

from cms.core.asgi_handler import PooledThreadASGIHandler  # noqa: E402

application = PooledThreadASGIHandler()

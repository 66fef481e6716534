"""Settings shared by every environment. Everything variable comes from the environment.

Defaults are the *embedded* development setup (SQLite, database search, eager Celery,
local media), so a fresh clone runs with no services at all. Production overrides and
refuses unsafe defaults in ``production.py``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "cms.core",
    "cms.opd",
    "cms.content",
    "cms.series",
    "cms.dip",
    "cms.workflow",
    "cms.importer",
    "cms.accounts",
    "cms.complaints",
    "cms.ppid",
    "cms.notifications",
    "cms.guide",
    "cms.live",
    "portal",
    "search",
    "api",
    "api.keys",
    "api.webhooks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "storages",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Only for its catalog: Wagtail's workflow status uses naturaltime ("3 detik
    # yang lalu"), which stays English unless the app is installed.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP per area and Permissions-Policy (cms/core/security_headers.py); above the
    # API fast path and the page cache so cached answers carry them too.
    "cms.core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.compression.PublicGZipMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Before the API fast path, so its answers get the header like any other.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sessions, users, second factor, messages and redirects run everywhere but
    # /api/, which uses none of them (cms/core/admin_middleware.py).
    "cms.core.admin_middleware.Sessions",
    "portal.language.IndonesianFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Cached anonymous API reads answered before URL resolution, after every
    # middleware that adds headers to API answers (api/v1/fast_path.py); the ones
    # below add none to them (the API has no session or CSRF use; redirects act on
    # 404s) and cost a hit nothing.
    "api.v1.fast_path.CachedAPIReadMiddleware",
    # Over-long API URIs: the JSON 414 the schema documents (api/v1/uri_limit.py).
    "api.v1.uri_limit.URILengthMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "cms.core.admin_middleware.Authentication",
    # Second factor enforced on every admin URL (cms/accounts/middleware.py), then
    # django-axes' locked-out answer for every login form.
    "cms.core.admin_middleware.TwoFactor",
    "axes.middleware.AxesMiddleware",
    "cms.core.admin_middleware.Messages",
    "cms.core.admin_middleware.Redirects",
    # Last: it needs the reader and the language (portal/cache.py).
    "portal.cache.PortalPageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "frontend-templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite unless DATABASE_URL says otherwise ---------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A persistent connection broken by a database restart is replaced at the next
# request instead of failing it (the site recovers by itself; issue 11).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database host that drops packets fails a request in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory unless CACHE_URL (or REDIS_URL) points at Redis ------------
_cache_url = env("CACHE_URL", default=env("REDIS_URL", default="locmemcache://"))
CACHES = {"default": env.cache_url_config(_cache_url)}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # With Redis down or hanging the cache answers as a miss, never an error page.
    CACHES["default"]["BACKEND"] = "cms.core.failsafe_cache.FailSafeRedisCache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "wagtailadmin_login"

# --- Admin sign-in hardening (cms/accounts; docs/admin-security.md) -----------------
# django-axes checks every authenticate() call: the Wagtail admin login, the Django
# admin's (when mounted) and Wagtail's front-end login alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "cms.accounts.lockout.AccountAndAddressHandler"
# One account from one address, and one address over all accounts (order matters:
# cms/accounts/lockout.py reads them in this order).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = env.int(
    "ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT", default=20
)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.core.client_address.client_ip"  # trusted proxies
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
AXES_VERBOSE = False  # no banner on every start
# Two-factor sign-in: superusers and these groups (shell patterns) must use it.
ADMIN_2FA_REQUIRED = env.bool("ADMIN_2FA_REQUIRED", default=True)
ADMIN_2FA_GROUPS = env.list(
    "ADMIN_2FA_GROUPS",
    default=["*: Reviewer", "Provinsi: Tim Komunikasi", "Moderators"],
)
OTP_TOTP_ISSUER = "Sipanganten"
# A wrong code makes the next one wait 2, 4, 8... seconds (per device).
OTP_TOTP_THROTTLE_FACTOR = 2
OTP_STATIC_THROTTLE_FACTOR = 2
# The Django admin is a second login; off unless needed (production: keep it off).
DJANGO_ADMIN_ENABLED = env.bool("DJANGO_ADMIN_ENABLED", default=False)

# --- Security headers (cms/core/security_headers.py; docs/production.md) ------------
# Extra origins images and media may load from (the S3 bucket is added by itself).
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
CSP_REPORT_URI = env("CSP_REPORT_URI", default="")  # where browsers report violations
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Language and time: Bahasa Indonesia first, English available ---------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False  # one content language for now; the UI is translated.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static files and media ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "frontend-templates" / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))

# Media goes to S3-compatible storage when a bucket is configured, else to local disk.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        # S3Storage, with public image renditions unsigned (cms/core/media_storage.py).
        "BACKEND": "cms.core.media_storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            # Private objects with signed URLs: a document's privacy is decided by
            # Wagtail's serve view, never by a guessable public bucket URL.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Public image renditions (public/ only): the media domain or CDN serving the
    # bucket (default: the bucket's own URL), and the ACL making them readable
    # (empty when a bucket policy grants read on public/*).
    AWS_S3_PUBLIC_MEDIA_URL = env("AWS_S3_PUBLIC_MEDIA_URL", default="")
    AWS_S3_PUBLIC_ACL = env("AWS_S3_PUBLIC_ACL", default="public-read")
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
# Complaint attachments (cms/complaints/uploads.py): private, never media. On S3
# they go under private/complaints/ with signed URLs; on disk, outside MEDIA_ROOT.
COMPLAINTS_MAX_FILES = env.int("COMPLAINTS_MAX_FILES", default=5)
COMPLAINTS_MAX_FILE_MB = env.int("COMPLAINTS_MAX_FILE_MB", default=10)
COMPLAINTS_PRIVATE_ROOT = env(
    "COMPLAINTS_PRIVATE_ROOT", default=str(BASE_DIR / "var" / "private" / "complaints")
)

# --- Wagtail -------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Sipanganten — Pemerintah Provinsi Banten"
# No Gravatar: editors' e-mail hashes stay here, and the admin loads nothing foreign.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no call to releases.wagtail.org from the admin
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Wagtail's own admin search stays on the database backend (PostgreSQL full text in
# production): its Elasticsearch backends need the analysis-common module. The public
# search index is ours (see search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    # Video and audio files are stored as documents; .vtt is for captions.
    "mp4",
    "webm",
    "mp3",
    "m4a",
    "ogg",
    "vtt",
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "csv",
    "txt",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # privacy checks on every download
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail runs some background work through django-tasks. Immediate keeps it simple and
# correct in every environment; heavy work of ours goes through Celery instead.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Elasticsearch (public search); empty means the database fallback ----------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="sipanganten")

# --- Celery: eager without a broker (embedded default), Redis otherwise ---------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=env("REDIS_URL", default=""))
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process past this resident size (KiB) is replaced after its current task,
# so memory a task grew into goes back to the system (prefork pool only).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int(
    "CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400_000
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = "sipanganten"
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "cms.workflow.tasks.publish_scheduled_pages",
        "schedule": 60.0,
    },
}

# --- search: outbox drain (see docs/adr/005-search-outbox.md) ------------------------
# Tasks are enqueued from on_commit hooks while an editor waits for the page to save:
# with Redis down, fail at once (refused) or within ~2 s (hung) instead of retrying;
# the outbox plus the periodic drain below deliver the change later.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2.0
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 0,  # a producer's connect: one try (the worker has its own retry)
    "socket_connect_timeout": 1,
    "socket_timeout": 2,  # above the worker's 1 s BRPOP poll
}
# Catch-up bounds (issue #11): a claim is leased for LEASE s and renewed by the live
# drain between bulk chunks, so a killed worker's rows return within LEASE + SWEEP s;
# while Elasticsearch is unreachable a row is retried at most every RETRY_MAX s, so
# it is sent within RETRY_MAX + SWEEP s of the recovery (one probe per sweep).
SEARCH_OUTBOX_LEASE_SECONDS = env.float("SEARCH_OUTBOX_LEASE_SECONDS", default=20.0)
SEARCH_OUTBOX_SWEEP_SECONDS = env.float("SEARCH_OUTBOX_SWEEP_SECONDS", default=5.0)
SEARCH_OUTBOX_RETRY_MAX_SECONDS = env.float(
    "SEARCH_OUTBOX_RETRY_MAX_SECONDS", default=15.0
)
# Public search queries: fail fast, then answer from the database for a while
# without asking Elasticsearch again (per web process).
SEARCH_QUERY_TIMEOUT_SECONDS = env.float("SEARCH_QUERY_TIMEOUT_SECONDS", default=3.0)
SEARCH_BREAKER_SECONDS = env.float("SEARCH_BREAKER_SECONDS", default=10.0)
CELERY_BEAT_SCHEDULE["search-outbox-redrain"] = {
    "task": "search.tasks.redrain_search_outbox",
    "schedule": SEARCH_OUTBOX_SWEEP_SECONDS,
    # A beat tick nobody ran is replaced by the next.
    "options": {"expires": max(SEARCH_OUTBOX_SWEEP_SECONDS - 1, 1.0)},
}
# The anonymous query log: counts buffered in Redis, written by beat every FLUSH s
# (search/queries/querylog.py); unset: buffered unless tasks run eagerly (no beat).
SEARCH_QUERY_LOG_BUFFER = env.bool("SEARCH_QUERY_LOG_BUFFER", default=None)
# How often each process sends its own counts to that Redis hash
# (search/queries/query_counts.py); 0: only when the log is flushed.
SEARCH_QUERY_COUNTS_SECONDS = env.float("SEARCH_QUERY_COUNTS_SECONDS", default=1.0)
# Searches (API and /cari/) read the content generation at most this often per
# process; cached answers always read it (cms/core/content_generation.py).
RECENT_GENERATION_SECONDS = env.float("RECENT_GENERATION_SECONDS", default=1.0)
# An anonymous search's rate limit is spent through leases: requests counted ahead
# for at most this long, at most 1/SHARE of the limit each (cms/core/rate_limits.py;
# SHARE 0: one round trip per request).
RATE_LIMIT_LOCAL_SECONDS = env.float("RATE_LIMIT_LOCAL_SECONDS", default=1.0)
RATE_LIMIT_LOCAL_SHARE = env.int("RATE_LIMIT_LOCAL_SHARE", default=20)
SEARCH_QUERY_LOG_FLUSH_SECONDS = env.float(
    "SEARCH_QUERY_LOG_FLUSH_SECONDS", default=60.0
)
CELERY_BEAT_SCHEDULE["search-query-log-flush"] = {
    "task": "search.tasks.flush_search_query_log",
    "schedule": SEARCH_QUERY_LOG_FLUSH_SECONDS,
    "options": {"expires": max(SEARCH_QUERY_LOG_FLUSH_SECONDS - 1, 1.0)},
}
# --- end search -----------------------------------------------------------------------

# --- search: attached document text (search/indexing/extraction.py) ----------------
# Each PDF/Office file is read by a child process capped in memory and time; a file
# over a limit is indexed without its text and its edit screen says why.
SEARCH_EXTRACTION_MAX_FILE_MB = env.float("SEARCH_EXTRACTION_MAX_FILE_MB", default=60)
# .docx/.pptx/.xlsx, from the zip's central directory before any parsing: the total
# uncompressed size, the ratio of any member over 1 MB, the number of members.
SEARCH_EXTRACTION_MAX_UNCOMPRESSED_MB = env.float(
    "SEARCH_EXTRACTION_MAX_UNCOMPRESSED_MB", default=50
)
SEARCH_EXTRACTION_MAX_RATIO = env.float("SEARCH_EXTRACTION_MAX_RATIO", default=100)
SEARCH_EXTRACTION_MAX_MEMBERS = env.int("SEARCH_EXTRACTION_MAX_MEMBERS", default=10_000)
SEARCH_EXTRACTION_MAX_PDF_PAGES = env.int(
    "SEARCH_EXTRACTION_MAX_PDF_PAGES", default=2_000
)
# The child: wall-clock seconds, then killed; address space (20 MB of Word XML
# needs about 300 MB).
SEARCH_EXTRACTION_TIMEOUT_SECONDS = env.float(
    "SEARCH_EXTRACTION_TIMEOUT_SECONDS", default=60
)
SEARCH_EXTRACTION_MEMORY_MB = env.int("SEARCH_EXTRACTION_MEMORY_MB", default=512)
# --- end search: attached document text ---------------------------------------------

# --- api webhooks (docs/api/webhooks.md): the sweep sends due deliveries ----------
# A killed worker's delivery is sent again within WEBHOOKS_LEASE_SECONDS + the sweep.
WEBHOOKS_LEASE_SECONDS = env.float("WEBHOOKS_LEASE_SECONDS", default=20.0)
WEBHOOKS_SWEEP_SECONDS = env.float("WEBHOOKS_SWEEP_SECONDS", default=10.0)
CELERY_BEAT_SCHEDULE["webhooks-redeliver-due"] = {
    "task": "api.webhooks.tasks.redeliver_due_webhooks",
    "schedule": WEBHOOKS_SWEEP_SECONDS,
    "options": {"expires": max(WEBHOOKS_SWEEP_SECONDS - 1, 1.0)},
}
WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=DEBUG)
WEBHOOKS_ALLOW_PRIVATE_NETWORKS = env.bool(
    "WEBHOOKS_ALLOW_PRIVATE_NETWORKS", default=DEBUG
)
WEBHOOKS_QUEUE = env("WEBHOOKS_QUEUE", default="") or None  # None: the default queue
# --- end api webhooks -------------------------------------------------------------

# --- E-mail (workflow notifications) -------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="sipanganten@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # a hung server frees the worker

# --- complaint notifications (cms/notifications): email outbox, reminders ----------
# The portal's public origin: every absolute URL (canonical, og:url, JSON-LD, feeds,
# sitemap, API "url" fields, emails to citizens) is built on it (cms/core/public_urls).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default=WAGTAILADMIN_BASE_URL)
# Also told when a complaint deadline is overdue (besides the verification team).
COMPLAINTS_ESCALATION_EMAILS = env.list("COMPLAINTS_ESCALATION_EMAILS", default=[])
# OPDs whose webhook endpoints hear every report event (the province's own desk).
COMPLAINTS_WEBHOOK_OPDS = env.list("COMPLAINTS_WEBHOOK_OPDS", default=["diskominfo"])
NOTIFICATIONS_EMAIL_SWEEP_SECONDS = env.float(
    "NOTIFICATIONS_EMAIL_SWEEP_SECONDS", default=30.0
)
CELERY_BEAT_SCHEDULE["notifications-resend-due-emails"] = {
    "task": "cms.notifications.sending.resend_due_emails",
    "schedule": NOTIFICATIONS_EMAIL_SWEEP_SECONDS,
    "options": {"expires": max(NOTIFICATIONS_EMAIL_SWEEP_SECONDS - 1, 1.0)},
}
CELERY_BEAT_SCHEDULE["complaints-close-overdue"] = {
    "task": "cms.notifications.tasks.close_overdue_reports",
    "schedule": crontab(hour=7, minute=0),  # CELERY_TIMEZONE: WIB
}
CELERY_BEAT_SCHEDULE["complaints-deadline-reminders"] = {
    "task": "cms.notifications.tasks.send_deadline_reminders",
    "schedule": crontab(hour=7, minute=5),
}
# --- end complaint notifications ------------------------------------------------------

# --- PPID: public-information requests (cms/ppid, UU 14/2008) -----------------------
# Working days (cms/core/workdays.py): the law's numbers, configurable if it changes.
PPID_DECISION_DAYS = env.int("PPID_DECISION_DAYS", default=10)  # art. 22(7)
PPID_EXTENSION_DAYS = env.int("PPID_EXTENSION_DAYS", default=7)  # art. 22(8)
PPID_OBJECTION_DAYS = env.int("PPID_OBJECTION_DAYS", default=30)  # art. 36(1)
PPID_OBJECTION_ANSWER_DAYS = env.int("PPID_OBJECTION_ANSWER_DAYS", default=30)
PPID_DISPUTE_DAYS = env.int("PPID_DISPUTE_DAYS", default=14)  # art. 37(2)
PPID_REMINDER_DAYS = env.int("PPID_REMINDER_DAYS", default=2)
# How long a signed document link in a decision email stays valid (seconds).
PPID_LINK_MAX_AGE = env.int("PPID_LINK_MAX_AGE", default=14 * 24 * 3600)
# Answer and legal documents: private, like complaint attachments.
PPID_PRIVATE_ROOT = env(
    "PPID_PRIVATE_ROOT", default=str(BASE_DIR / "var" / "private" / "ppid")
)
# Also told when a PPID deadline is overdue (besides PPID Utama / Atasan PPID).
PPID_ESCALATION_EMAILS = env.list("PPID_ESCALATION_EMAILS", default=[])
CELERY_BEAT_SCHEDULE["ppid-deadline-reminders"] = {
    "task": "cms.ppid.tasks.send_ppid_reminders",
    "schedule": crontab(hour=7, minute=10),  # CELERY_TIMEZONE: WIB
}
# --- end PPID ------------------------------------------------------------------------

# --- REST framework -----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # API keys of OPD sites (api/keys); anonymous otherwise. No session auth: the
    # API is read-only and public, so it needs no CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.keys.authentication.APIKeyAuthentication"],
    "UNAUTHENTICATED_USER": None,
    # DRF's JSON, encoded by orjson (faster): api/v1/renderers.py.
    "DEFAULT_RENDERER_CLASSES": ["api.v1.renderers.FastJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.v1.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["api.v1.throttling.KeyOrAddressRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_RATE_ANON", default="120/min"),
        "key": env("API_RATE_KEY", default="1200/min"),
        # Complaints submitted through the API and Open311 (api/v1/report_limits.py),
        # on top of the budgets above: per address, or per key when keyed.
        "report_submit": env("API_RATE_REPORT_SUBMIT", default="10/hour"),
        "report_submit_key": env("API_RATE_REPORT_SUBMIT_KEY", default="600/hour"),
        "report_submit_email": env("API_RATE_REPORT_SUBMIT_EMAIL", default="10/day"),
        "report_reply": env("API_RATE_REPORT_REPLY", default="30/hour"),
        # Information requests (PPID), portal and API alike (cms/ppid/rate_limits.py).
        "ppid_submit": env("API_RATE_PPID_SUBMIT", default="10/hour"),
        "ppid_submit_email": env("API_RATE_PPID_SUBMIT_EMAIL", default="10/day"),
        "ppid_link": env("API_RATE_PPID_LINK", default="60/hour"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Sipanganten API",
    "DESCRIPTION": "Konten publik Pemerintah Provinsi Banten untuk situs OPD.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # self-hosted assets: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The public API only (not Wagtail's admin API), also in `check --deploy`.
    "DEFAULT_GENERATOR_CLASS": "api.v1.schema_generator.PublicSchemaGenerator",
    "ENUM_NAME_OVERRIDES": {
        "ContentTypeEnum": "cms.content.models.CONTENT_TYPES",
        "ReportKindEnum": "cms.complaints.models.Kind",
    },
}

# Headless preview tokens (docs/api/feeds-and-preview.md): seconds an OPD-site
# preview link stays valid.
API_PREVIEW_TOKEN_SECONDS = env.int("API_PREVIEW_TOKEN_SECONDS", default=600)

# CORS: public GETs from any origin; key-holding sites' origins are allowed for
# keyed requests by api.keys (corsheaders' check_request_enabled signal).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "x-api-key",
    "if-none-match",
    "if-modified-since",
]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "retry-after"]

# Portal page cache: seconds a rendered page may be served to anonymous readers
# (a publish invalidates at once through the content generation); 0 turns it off.
PORTAL_PAGE_CACHE_TTL = env.int("PORTAL_PAGE_CACHE_TTL", default=300)

# Readiness checks (cms/core/health.py, docs/operations.md): dotted paths, so cms
# names search's and the webhooks' checks without importing them. The detailed
# report is for staff and for callers sending "Authorization: Bearer HEALTH_TOKEN".
HEALTH_CHECKS = [
    "cms.core.health_checks.database",
    "cms.core.health_checks.cache",
    "search.health.elasticsearch",
    "cms.core.health_checks.storage",
    "search.health.search_outbox",
    "api.webhooks.health.webhooks",
]
HEALTH_TOKEN = env("HEALTH_TOKEN", default="")

# API caching and client addresses (docs/api/access-and-caching.md).
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
API_CACHE_STALE_WHILE_REVALIDATE = env.int(
    "API_CACHE_STALE_WHILE_REVALIDATE", default=30
)
API_SERVER_CACHE_TTL = env.int("API_SERVER_CACHE_TTL", default=300)
# Proxies (addresses or networks) whose X-Forwarded-For is believed for rate limits.
API_TRUSTED_PROXIES = env.list("API_TRUSTED_PROXIES", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Quiet the per-task and per-page chatter; our own modules log at LOG_LEVEL.
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # failures and lockouts, not every login
    },
}

# --- Live admin (cms/live, docs/adr/010-live-admin.md) -------------------------------
LIVE_ENABLED = env.bool("LIVE_ENABLED", default=True)
LIVE_MAX_CONNECTIONS_PER_USER = env.int("LIVE_MAX_CONNECTIONS_PER_USER", default=6)
LIVE_MAX_CONNECTIONS_PER_PROCESS = env.int(
    "LIVE_MAX_CONNECTIONS_PER_PROCESS", default=2000
)
LIVE_HEARTBEAT_SECONDS = env.int("LIVE_HEARTBEAT_SECONDS", default=15)
LIVE_STREAM_SECONDS = env.int("LIVE_STREAM_SECONDS", default=900)
CELERY_BEAT_SCHEDULE["live-prune-notifications"] = {
    "task": "cms.live.tasks.prune_notifications",
    "schedule": crontab(hour=3, minute=30),  # CELERY_TIMEZONE: WIB
}

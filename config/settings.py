"""Newsdesk settings: one module, configured only by environment variables.

A fresh checkout runs with none set (SQLite, console email, the database task
queue). Production differs only by the variables documented in README.md.
"""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url

from lib.env import env_bool, env_int, env_list, env_str, local_secret

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or local_secret(VAR_DIR / "secret_key")

SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")
_site = urlsplit(SITE_URL)
SITE_HOST = _site.hostname or "127.0.0.1"
HTTPS = _site.scheme == "https"

ALLOWED_HOSTS = [SITE_HOST, "127.0.0.1", "localhost", *env_list("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]
# A refused form gets the site's 403 page, saying how to send it again.
CSRF_FAILURE_VIEW = "lib.errors.csrf_failure"

# Applications -------------------------------------------------------------

INSTALLED_APPS = [
    "core",
    "newsroom",
    "newsletters",
    "monitor",
    "membership",
    "pro",
    "events",
    "api",
    "webhooks",
    "imports",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost: every log line and response carries the request id; every answer is counted.
    "lib.logs.request_id_middleware",
    "core.metrics.metrics_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lib.middleware.security_headers",
    "newsroom.reads.count_reads",
    "lib.page_cache.anonymous_page_cache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "lib.middleware.private_for_members",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lib.page_cache.member_page_cache",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "newsroom.context_processors.site",
                "membership.context_processors.membership",
            ],
            "libraries": {"page_cache": "lib.page_cache_tags"},
        },
    },
]

# Data ---------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers carry on while one writer writes; IMMEDIATE takes the
        # write lock at BEGIN so two writers queue instead of deadlocking.
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if env_str("CACHE_BACKEND") == "dummy":
    # Nothing is kept: every page is built from scratch (bench/page_speed.py
    # measures a cache miss this way).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    CACHES = {
        "default": {
            # Redis's cache, turning an outage into cache misses (core/cache.py).
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    # SQLite files on local disk (diskcache): shared by every process on the
    # machine (web workers, task worker, scheduler), so invalidating a page
    # reaches all of them, and a read or write costs tens of microseconds.
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": str(VAR_DIR / "diskcache"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.05,
            "TIMEOUT": 300,
            "OPTIONS": {"size_limit": env_int("CACHE_SIZE_MB", 1024) * 2**20},
        }
    }
# Image renditions: Wagtail writes one to its cache on every read; kept in
# each process, where a repeat write costs nothing.
CACHES["renditions"] = {
    "BACKEND": "lib.cache.WriteOnceLocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Whole pages for visitors without cookies, and per audience for signed-in
# readers (lib/page_cache.py); 0 turns both off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_AUDIENCE = "core.entitlement.page_audience"
# What a personal fragment ({% personal %}) may use besides request, user, csrf_token.
PAGE_CACHE_FRAGMENT_CONTEXT = [
    "django.contrib.messages.context_processors.messages",
    "membership.context_processors.membership",
]
PAGE_CACHE_EXCLUDE = ["/admin/", "/django-admin/", "/accounts/", "/account/", "/documents/", "/media/", "/static/"]

# Background work: Django's task API. The database queue by default, RQ on
# Redis at scale, run immediately in unit tests (TASKS_BACKEND=immediate).
TASKS_BACKEND = env_str("TASKS_BACKEND") or ("rq" if REDIS_URL else "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
    # RQ's backend, holding tasks in the database while Redis is unreachable (core/task_backends.py).
    TASKS = {"default": {"BACKEND": "core.task_backends.HoldingRQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email --------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Newsdesk <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
# STARTTLS (usually port 587) or implicit TLS (port 465). Either way the
# server's certificate and host name are verified against the system's CA
# store; SSL_CERT_FILE points at another CA bundle (a private relay's CA).
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "EMAIL_USE_TLS and EMAIL_USE_SSL are both set; choose one: EMAIL_USE_TLS=1 for STARTTLS "
        "(usually port 587) or EMAIL_USE_SSL=1 for implicit TLS (port 465)."
    )
EMAIL_PORT = env_int("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# An email service provider switches on when its ANYMAIL_<ESP>_* key is set.
ANYMAIL_BACKENDS = {
    "AMAZON_SES": "anymail.backends.amazon_ses.EmailBackend",
    "BREVO": "anymail.backends.brevo.EmailBackend",
    "MAILGUN": "anymail.backends.mailgun.EmailBackend",
    "MAILJET": "anymail.backends.mailjet.EmailBackend",
    "POSTMARK": "anymail.backends.postmark.EmailBackend",
    "RESEND": "anymail.backends.resend.EmailBackend",
    "SENDGRID": "anymail.backends.sendgrid.EmailBackend",
    "SPARKPOST": "anymail.backends.sparkpost.EmailBackend",
}
ANYMAIL: dict[str, str] = {}
# The ESP's bounce and complaint webhooks authenticate with this; without it
# newsletters/webhooks.py refuses them.
if env_str("ANYMAIL_WEBHOOK_SECRET"):
    ANYMAIL["WEBHOOK_SECRET"] = env_str("ANYMAIL_WEBHOOK_SECRET")
_esp = next((esp for esp in ANYMAIL_BACKENDS if env_str(f"ANYMAIL_{esp}_API_KEY")), "")
if _esp:
    INSTALLED_APPS += ["anymail"]
    EMAIL_BACKEND = ANYMAIL_BACKENDS[_esp]
    ANYMAIL[f"{_esp}_API_KEY"] = env_str(f"ANYMAIL_{_esp}_API_KEY")
    if env_str(f"ANYMAIL_{_esp}_API_URL"):  # a regional endpoint, or a local stand-in in tests
        ANYMAIL[f"{_esp}_API_URL"] = env_str(f"ANYMAIL_{_esp}_API_URL")
elif EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    # No mail server configured: print messages to the terminal.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static and media ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Files that carry access rules (Wagtail documents) live outside MEDIA_ROOT and
# are served only by Wagtail's document view, which applies the rules first.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Serve uploads from Django itself (one-command installs); behind a proxy or
# CDN, set SERVE_MEDIA=0 and let it serve only /media/images/ and
# /media/original_images/ from MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "lib.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in an S3-compatible store (AWS S3, MinIO, R2, ...) shared by every web
# machine: set S3_BUCKET (or AWS_STORAGE_BUCKET_NAME) and its credentials.
S3_BUCKET = env_str("S3_BUCKET") or env_str("AWS_STORAGE_BUCKET_NAME")
S3_PRIVATE_URL_SECONDS = env_int("S3_PRIVATE_URL_SECONDS", 300)
S3_PUBLIC_URL_SECONDS = env_int("S3_PUBLIC_URL_SECONDS", 7 * 24 * 3600)
# A proxy or CDN path serving the bucket's public folders (images), e.g. https://news.example.com/media.
S3_PUBLIC_MEDIA_URL = env_str("S3_PUBLIC_MEDIA_URL")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "lib.s3_storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or env_str("AWS_S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or env_str("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": env_str("S3_REGION") or env_str("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": "path" if env_str("S3_ENDPOINT_URL") or env_str("AWS_S3_ENDPOINT_URL") else None,
            "signature_version": "s3v4",
        },
    }

# Security -----------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # Wagtail's editor shows live previews of the site in a same-origin frame,
    # so SAMEORIGIN (not DENY) is deliberate; other origins are still refused.
    "security.W019",
    # HSTS preload is an opt-in commitment (SECURE_HSTS_PRELOAD=1).
    *([] if env_bool("SECURE_HSTS_PRELOAD", False) else ["security.W021"]),
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Locale -------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Newsdesk")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx"]
# No avatar from a third-party service: the admin shows its own default picture (an offline
# or blocked gravatar.com showed a broken image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Logs --------------------------------------------------------------------
# One JSON object per line (time, level, logger, message, request_id, extras)
# on standard error; LOG_FORMAT=text for plain lines while developing.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lib.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "lib.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

# Health and metrics ---------------------------------------------------------
# /readyz fails when more tasks wait than this, or a worker's or the
# scheduler's heartbeat is older than this many seconds.
READY_MAX_QUEUE_DEPTH = env_int("READY_MAX_QUEUE_DEPTH", 10_000)
READY_HEARTBEAT_SECONDS = env_int("READY_HEARTBEAT_SECONDS", 300)
# /metrics answers only a scraper sending "Authorization: Bearer <METRICS_TOKEN>".
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_SOURCES = ["newsletters.metrics.email_metrics"]
# Backups: `manage.py backup` writes here and keeps the newest BACKUP_KEEP; the
# scheduler's nightly_backup runs it once a day after BACKUP_HOUR (UTC).
BACKUP_DIR = Path(env_str("BACKUP_DIR") or VAR_DIR / "backups")
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
BACKUP_HOUR = env_int("BACKUP_HOUR", 3)
# Days finished background-task results are kept (database queue).
TASK_RESULT_DAYS = env_int("TASK_RESULT_DAYS", 7)

# Error reporting: Sentry (or a compatible service) when SENTRY_DSN is set.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE") or None,
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        send_default_pii=False,
    )

# Billing ------------------------------------------------------------------
# Stripe switches on when its secret key is set; without it PRO checkout says
# billing is not configured and staff grant complimentary PRO instead.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE")

# Monitor ------------------------------------------------------------------
# Alerts that arrive in a daily digest go out from the periodic
# send_alert_digests command; "as it happens" alerts are queued on publish.
MONITOR_TRENDS_MAX_ENTITIES = 5
MONITOR_ALERTS_PER_MEMBER = env_int("MONITOR_ALERTS_PER_MEMBER", 50)
MONITOR_CLIPS_PER_FOLDER = env_int("MONITOR_CLIPS_PER_FOLDER", 500)
# When a suggested name reaches readers before an editor reviews it: empty (only approved names),
# "fitted" (the threshold fitted on the development set) or a confidence between 0 and 1.
MONITOR_READER_THRESHOLD = env_str("MONITOR_READER_THRESHOLD", "")

# Membership ---------------------------------------------------------------
# Accounts by django-allauth: sign up and sign in with an email address and a
# code or link sent to it. A password is optional and only the verified owner
# of the address can set one (never at sign-up). Sign-in links are handled by
# membership/signin.py (allauth offers codes only); membership/signals.py
# wipes what anyone else set on an account before its first verified sign-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/account/"

ACCOUNT_LOGIN_METHODS = {"email"}
# password1 stays listed (optional) because allauth's sign-in form shows a
# password field only then; the sign-up form itself asks for the address alone.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1"]
ACCOUNT_FORMS = {"signup": "membership.forms.EmailOnlySignupForm"}
ACCOUNT_ADAPTER = "membership.adapter.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    # Sign-in links: per address and per client IP (REMOTE_ADDR unless
    # TRUSTED_PROXY_COUNT proxies are declared, so a forged X-Forwarded-For
    # cannot reset the counter).
    "request_login_link": "20/h/ip,5/h/key",
    "request_login_code": "20/h/ip,5/h/key",
}
# Number of proxies in front of the site that append to X-Forwarded-For; 0
# (the default) uses the socket address and ignores the header.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
USERSESSIONS_TRACK_ACTIVITY = False
SIGNIN_LINK_MINUTES = 10
# Billing: prices shown on /pro/ come from the Plan rows staff edit (as do
# trial lengths); this says how long past_due keeps access.
PRO_PAST_DUE_GRACE_DAYS = env_int("PRO_PAST_DUE_GRACE_DAYS", 7)
# "Download my data": each app's part, gathered by core.personal_data.
PERSONAL_DATA = [
    "newsletters.personal_data.newsletters_personal_data",
    "monitor.personal_data.monitor_personal_data",
    "events.personal_data.events_personal_data",
]
TEAM_INVITATION_DAYS = 14

# Newsletters ----------------------------------------------------------------
# Bulk mail goes out from its own address (Gmail and Yahoo want transactional
# and bulk mail apart). With EMAIL_HOST set, issues go over raw SMTP with
# reused connections; with an ESP configured, through django-anymail.
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL", f"Newsdesk Briefings <briefings@{SITE_HOST}>")
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO", f"unsubscribe@{SITE_HOST}")
NEWSLETTER_TRANSPORT = env_str("NEWSLETTER_TRANSPORT", "auto")  # auto | smtp | django
NEWSLETTER_SEND_THREADS = env_int("NEWSLETTER_SEND_THREADS", 4)  # SMTP connections per worker
NEWSLETTER_SEND_WORKERS = env_int("NEWSLETTER_SEND_WORKERS", 1)  # background tasks sharing one issue
NEWSLETTER_RATE_PER_SECOND = env_int("NEWSLETTER_RATE_PER_SECOND", 0)  # per worker; 0 = unlimited
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 100)
# With an ESP whose batch send merges per-recipient data (SendGrid), one API call carries this many
# recipients (SendGrid allows 1,000); 0 sends one message per call through Django's email backend.
NEWSLETTER_ESP_BATCH_SIZE = env_int("NEWSLETTER_ESP_BATCH_SIZE", 1000)
NEWSLETTER_MESSAGES_PER_CONNECTION = env_int("NEWSLETTER_MESSAGES_PER_CONNECTION", 1000)
# Over SMTP, rows one connection marks `sending` in one commit: the most a crash can leave with an
# unknown outcome (sent again and reported) per connection. Higher: fewer commits, more to resend.
NEWSLETTER_IN_FLIGHT_PER_CONNECTION = env_int("NEWSLETTER_IN_FLIGHT_PER_CONNECTION", 10)
if NEWSLETTER_IN_FLIGHT_PER_CONNECTION < 1:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"NEWSLETTER_IN_FLIGHT_PER_CONNECTION must be 1 or more (messages marked `sending` per commit "
        f"on each SMTP connection); got {NEWSLETTER_IN_FLIGHT_PER_CONNECTION}."
    )
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_SECONDS = env_int("NEWSLETTER_RETRY_SECONDS", 60)  # doubled after each transient failure
NEWSLETTER_WORKER_LEASE_SECONDS = env_int("NEWSLETTER_WORKER_LEASE_SECONDS", 120)
# After a crash, a message that was being handed to SMTP has an unknown outcome.
# 1 (default): send it again and report it as a possible duplicate (nobody is
# lost); 0: never send it again and report it as possibly not delivered.
NEWSLETTER_RESEND_UNKNOWN = env_bool("NEWSLETTER_RESEND_UNKNOWN", True)
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)

# PRO products (memos, trend reports, events) -------------------------------
# Event reminders go out 24 hours and 1 hour before the start; the scheduler
# queues whatever is due every EVENT_REMINDER_SECONDS.
EVENT_REMINDER_SECONDS = env_int("EVENT_REMINDER_SECONDS", 300)

# Imports ------------------------------------------------------------------
# Featured images named in an export are fetched only from public addresses;
# 1 also allows this machine and private networks (an old site on the LAN).
IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = env_bool("IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS", False)

# Periodic work --------------------------------------------------------------
# What `run_scheduler` runs: (management command, seconds between runs). Each
# command is safe to run twice, so one scheduler per install is enough.
SCHEDULE: list[tuple[str, int]] = [
    ("publish_scheduled", 60),
    ("send_alert_digests", 3600),
    ("send_due_issues", 60),
    ("draft_daily_issues", 300),
    ("send_event_reminders", EVENT_REMINDER_SECONDS),
    ("webhooks_retry", 60),  # also announces PRO memberships that simply ran out
    # Housekeeping: heartbeats for /readyz, expired sessions, sign-in links and task results.
    ("heartbeat", 30),
    ("clearsessions", 3600),
    ("prune_signin_tokens", 3600),
    ("prune_task_results", 3600),
    ("nightly_backup", 600),
    # Tasks held in the database while Redis was unreachable go to Redis once it is back.
    ("flush_held_tasks", 10),
]

# Content API: calls each key may make per window (seconds); over it, 429 with Retry-After.
API_KEY_RATE_LIMIT = env_int("API_KEY_RATE_LIMIT", 600)
API_KEY_RATE_WINDOW = env_int("API_KEY_RATE_WINDOW", 60)
NINJA_PAGINATION_MAX_LIMIT = 100

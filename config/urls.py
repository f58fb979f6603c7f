import posixpath

from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.main import urlpatterns as api_urlpatterns
from core import health, metrics
from newsletters import webhooks as anymail_webhooks
from newsroom import sitemaps
from newsroom import views as newsroom_views

# Error pages that look like the site and say what to do next.
handler400 = "lib.errors.bad_request"
handler403 = "lib.errors.permission_denied"
handler404 = "lib.errors.page_not_found"
handler500 = "lib.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", newsroom_views.search, name="search"),
    path("healthz", newsroom_views.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("favicon.ico", newsroom_views.favicon, name="favicon"),
    path("monitor/", include("monitor.urls")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemaps.sitemap_page, name="sitemap_page"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("newsletters/", include("newsletters.urls")),
    path("anymail/", include(anymail_webhooks.urlpatterns)),
    path("pro/events/", include("events.urls")),
    path("pro/", include("pro.urls")),
    path("api/v1/", include((api_urlpatterns(), "api"))),
    path("account/api-keys/", include("api.urls")),
    path("", include("membership.urls")),
    path("accounts/", include("allauth.urls")),
]


# Image files are public; anything else under MEDIA_ROOT (documents stored
# before they moved to PRIVATE_MEDIA_ROOT) has access rules and is served only
# by its own view. A proxy serving /media/ must follow the same list.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")


def media(request: HttpRequest, path: str) -> HttpResponseBase:
    folder = posixpath.normpath(path.replace("\\", "/")).lstrip("/").split("/", 1)[0]
    if folder not in PUBLIC_MEDIA_FOLDERS:
        raise Http404("Not a public file.")
    # MEDIA_ROOT is read per request so a changed setting takes effect at once.
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media)]

urlpatterns += [path("", include(wagtail_urls))]

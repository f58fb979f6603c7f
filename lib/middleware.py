"""Response headers Django's SecurityMiddleware does not set."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Reader pages need no inline script or style; embeds come in iframes.
READER_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: https:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' https:",
        "frame-ancestors 'self'",
    ]
)
# Wagtail's admin uses inline scripts and styles; it still may not be framed
# by other sites.
ADMIN_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        is_admin = request.path.startswith(ADMIN_PREFIXES)
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if is_admin else READER_CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response

    return middleware


def private_for_members(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """Pages shown to a signed-in reader are theirs alone: no shared cache may keep them."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        # A proxy or CDN that stored a member's page would hand it (their name,
        # paid text, tokens in forms) to the next visitor of that address.
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return middleware

"""Pages shown to a signed-in reader are theirs alone: no shared cache may keep them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def private_for_members(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        # A proxy or CDN that stored a member's page would hand it (their name,
        # paid text, tokens in forms) to the next visitor of that address.
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return middleware

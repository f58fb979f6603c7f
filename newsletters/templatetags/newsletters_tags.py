from typing import Any

from django import template

from newsletters.forms import SignupForm, offered_newsletters

register = template.Library()


@register.inclusion_tag("components/newsletters_signup_form.html", takes_context=True)
def newsletter_signup(
    context: dict[str, Any], source: str = "signup block", preselect: str = "", shared: bool = False
) -> dict[str, Any]:
    """The signup form with the briefings to tick, for article pages and the home page.

    `shared`: the page is cached for many readers, so the member's address is
    filled in by a personal fragment instead of here.
    """
    initial: dict[str, Any] = {"source": source}
    user = getattr(context.get("request"), "user", None)
    if not shared and user is not None and user.is_authenticated and getattr(user, "email", ""):
        initial["email"] = user.email  # a member signs up with the address on their account
    if preselect:
        initial["newsletters"] = [n for n in offered_newsletters() if n.slug == preselect]
    return {
        "form": SignupForm(initial=initial),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "shared": shared,
    }

"""Demo members: a PRO member (complimentary, no Stripe needed) and a free one."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model

from lib.demo import demo_password
from membership.services import complimentary_grant, membership_for

MEMBERS = [
    # (email, first name, last name, PRO?)
    ("pro@newsdesk.example", "Priya", "Member", True),
    ("reader@newsdesk.example", "Rami", "Reader", False),
]


def _member(email: str, first: str, last: str, password: str) -> Any:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    password = demo_password()
    sign_ins = []
    for email, first, last, is_pro in MEMBERS:
        user = _member(email, first, last, password)
        if is_pro:
            membership = membership_for(user=user)
            if not membership.complimentary_live():
                complimentary_grant(user=user, days=365, note="Demo PRO member")
        sign_ins.append((email, password))
    stdout.write(f"membership: a PRO member and a free member (sign in at {settings.SITE_URL}/accounts/login/)")
    return sign_ins

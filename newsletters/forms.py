from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from newsletters.models import Newsletter
from newsletters.services import email_normalise

INVALID_EMAIL = "Enter a valid email address, like name@example.com."


def offered_newsletters() -> Any:
    return Newsletter.objects.filter(is_active=True, pro_only=False)


class SignupForm(forms.Form):
    email = forms.CharField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": INVALID_EMAIL, "max_length": INVALID_EMAIL},
    )
    name = forms.CharField(label="First name (optional)", max_length=100, required=False)
    newsletters = forms.ModelMultipleChoiceField(
        label="Briefings",
        queryset=Newsletter.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one briefing.",
            "invalid_choice": "One of the briefings you chose does not exist.",
            "invalid_pk_value": "One of the briefings you chose does not exist.",
        },
    )
    source = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    # Left empty by people; bots fill every field. Hidden from sight and from screen readers.
    website = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = offered_newsletters()  # type: ignore[attr-defined]

    def clean_email(self) -> str:
        try:
            return email_normalise(self.cleaned_data["email"])
        except ValidationError:
            raise ValidationError(INVALID_EMAIL) from None


class ChooseForm(forms.Form):
    """The manage and confirm pages: tick what you want."""

    newsletters = forms.ModelMultipleChoiceField(
        label="Briefings",
        queryset=Newsletter.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "One of the briefings you chose does not exist."},
    )

    def __init__(self, *args: Any, queryset: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = queryset if queryset is not None else offered_newsletters()  # type: ignore[attr-defined]

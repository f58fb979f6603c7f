from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm
from django import forms
from django.contrib.auth import get_user_model


class SignInLinkForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)


class EmailOnlySignupForm(SignupForm):
    """Sign-up asks for an address and nothing else, like sign-in by link or code.

    A password typed here would be set before anyone proved the address, so a
    stranger could pre-claim someone else's account with it; the owner sets a
    password later, from the account page, once signed in by link or code.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("password1", None)
        self.fields.pop("password2", None)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(label="Type your email address to confirm", max_length=254)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"].strip().lower()
        if value != (self.user.email or "").lower():
            raise forms.ValidationError("That is not the address of this account.")
        return value


class TeamCheckoutForm(forms.Form):
    team_name = forms.CharField(label="Organisation name", max_length=150)
    seats = forms.IntegerField(label="Seats", min_value=1, max_value=10_000)


class InviteForm(forms.Form):
    emails = forms.CharField(
        label="Email addresses",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One address per line, or separated by commas.",
        max_length=5000,
    )

    def clean_emails(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", "\n").split()
        field = forms.EmailField()
        emails = []
        for item in raw:
            try:
                emails.append(field.clean(item))
            except forms.ValidationError:
                raise forms.ValidationError(f"“{item}” is not an email address.") from None
        if not emails:
            raise forms.ValidationError("Enter at least one address.")
        return emails


class ReassignForm(forms.Form):
    email = forms.EmailField(label="Give this seat to", max_length=254)


class TeamSettingsForm(forms.Form):
    domain = forms.RegexField(
        label="Company email domain",
        regex=r"^[a-z0-9.-]+\.[a-z]{2,}$",
        required=False,
        max_length=100,
        help_text="e.g. gulfanalytics.com",
        error_messages={"invalid": "Enter a domain like example.com, without the @."},
    )
    domain_join = forms.BooleanField(label="Let anyone with a verified address there take a seat", required=False)

    def clean_domain(self) -> str:
        return self.cleaned_data["domain"].strip().lower()


class SeatsForm(forms.Form):
    seats = forms.IntegerField(label="Seats", min_value=1, max_value=10_000)


class LeadForm(forms.Form):
    name = forms.CharField(max_length=150)
    email = forms.EmailField(max_length=254)
    organisation = forms.CharField(max_length=200)
    seats = forms.IntegerField(label="How many people", min_value=1, max_value=100_000)
    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000)

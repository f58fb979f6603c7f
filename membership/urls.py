from django.urls import path

from membership import views

app_name = "membership"

urlpatterns = [
    path("accounts/link/", views.signin_link_request, name="signin_link_request"),
    path("accounts/link/<str:token>/", views.signin_link_confirm, name="signin_link_confirm"),
    path("accounts/password/set/", views.password_set, name="password_set"),
    path("pro/", views.pro, name="pro"),
    path("pro/checkout/", views.checkout, name="checkout"),
    path("pro/welcome/", views.welcome, name="welcome"),
    path("pro/teams/", views.teams, name="teams"),
    path("pro/teams/talk/", views.team_lead, name="team_lead"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("account/", views.account, name="account"),
    path("account/profile/", views.profile, name="profile"),
    path("account/billing/", views.billing_portal, name="billing_portal"),
    path("account/billing/return/", views.billing_return, name="billing_return"),
    path("account/export/", views.export, name="export"),
    path("account/delete/", views.delete_account, name="delete_account"),
    path("account/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("account/team/", views.team, name="team"),
    path("account/team/invite/", views.team_invite, name="team_invite"),
    path("account/team/settings/", views.team_settings, name="team_settings"),
    path("account/team/seats/", views.team_seats, name="team_seats"),
    path("account/team/seats/<int:seat_id>/remove/", views.team_seat_remove, name="team_seat_remove"),
    path("account/team/seats/<int:seat_id>/reassign/", views.team_seat_reassign, name="team_seat_reassign"),
    path("team/join/<str:token>/", views.invitation, name="invitation"),
    path("team/<uuid:uid>/join/", views.domain_join, name="domain_join"),
]

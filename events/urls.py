from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("registrations/<uuid:uid>/cancel/", views.cancel_registration, name="cancel_registration"),
    path("registrations/<uuid:uid>/question/", views.update_question, name="update_question"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/attendees.csv", views.attendees_csv, name="attendees_csv"),
]

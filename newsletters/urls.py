from django.urls import path

from newsletters import views
from newsletters.feeds import IssuesFeed

app_name = "newsletters"
urlpatterns = [
    path("", views.newsletter_list, name="list"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("welcome/<str:token>/", views.welcome, name="welcome"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("account/", views.account, name="account"),
    path("<slug:slug>/", views.newsletter_detail, name="detail"),
    path("<slug:slug>/sample/", views.sample, name="sample"),
    path("<slug:slug>/issues/<int:number>/", views.issue_detail, name="issue"),
    path("<slug:slug>/feed/", IssuesFeed(), name="feed"),
]

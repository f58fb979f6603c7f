"""Editors' side of Monitor: the registry, each story's tags, suggested entities."""

from typing import Any

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from monitor.models import ArticleEntity, Entity, Kind, Mention, SuggestedEntity
from monitor.queries import entities_from_names, visible_tags
from monitor.services import (
    article_tag_add,
    article_tag_remove,
    suggestion_approve,
    suggestion_dismiss,
    suggestion_merge,
)
from monitor.tagging import article_tag
from newsroom.admin_choosers import HOOK as ARTICLE_CHOOSER_HOOK
from newsroom.admin_choosers import Chooser
from newsroom.models import ArticlePage
from newsroom.roles import EDITORS


class EntityViewSet(SnippetViewSet):
    model = Entity
    icon = "tag"
    menu_label = "Entities"
    menu_name = "monitor-entities"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "slug", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]


register_snippet(EntityViewSet)


def _entities_named(queryset: QuerySet[Entity], query: str) -> QuerySet[Entity]:
    named = queryset.filter(Q(name__icontains=query) | Q(aliases__text__icontains=query)).values("pk")
    return Entity.objects.filter(pk__in=named).order_by("-prominence", "name")


def _entities_save(article: ArticlePage, added: list[Entity], removed: list[Entity]) -> None:
    """An entity picked in the story's form is tagged by an editor; one removed stays removed on retagging."""
    for entity in added:
        article_tag_add(article=article, entity=entity)
    for entity in removed:
        article_tag_remove(article=article, entity=entity)


@hooks.register(ARTICLE_CHOOSER_HOOK)
def entity_chooser() -> Chooser:
    return Chooser(
        name="entities",
        noun="entities",
        label="Entities",
        help_text="People, places, organisations and weapons the story is about. The tagger adds those it "
        "finds when the story is saved; one you remove here stays removed.",
        queryset=lambda: Entity.objects.all(),
        search=_entities_named,
        detail=lambda entity: entity.kind_label,
        initial=lambda article: ArticleEntity.objects.filter(article=article, removed=False).values_list(
            "entity_id", flat=True
        ),
        save=_entities_save,
    )


def _editor(request: HttpRequest) -> bool:
    return (
        request.user.has_perm("wagtailcore.publish_page")
        or request.user.is_superuser
        or bool(request.user.groups.filter(name=EDITORS).exists())
    )


@require_http_methods(["GET", "POST"])
def article_tags(request: HttpRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if request.method == "POST":
        if not _editor(request):
            messages.error(request, "Only editors can change a story's tags.")
            return redirect("monitor_article_tags", page_id)
        action = request.POST.get("action", "")
        if action == "remove":
            entity = get_object_or_404(Entity, pk=request.POST.get("entity") or 0)
            article_tag_remove(article=article, entity=entity)
            messages.success(request, f"Removed “{entity.name}”; retagging will not bring it back.")
        elif action == "add":
            entities, missing = entities_from_names(request.POST.get("names", "")[:500])
            if missing:
                messages.error(request, "No entity called " + ", ".join(f"“{m}”" for m in missing) + ".")
            for entity in entities:
                article_tag_add(article=article, entity=entity)
            if entities:
                messages.success(request, "Added " + ", ".join(e.name for e in entities) + ".")
        elif action == "retag":
            article_tag(article=article)
            messages.success(request, "Tagged again with the current registry.")
        return redirect("monitor_article_tags", page_id)
    mentions = Mention.objects.filter(article=article).select_related("entity")
    return render(
        request,
        "monitor/admin/article_tags.html",
        {"article": article, "tags": visible_tags(article), "mentions": mentions, "removed": _removed(article)},
    )


def _removed(article: ArticlePage) -> Any:
    return ArticleEntity.objects.filter(article=article, removed=True).select_related("entity")


# Waiting for an editor: new suggestions, and confident ones already shown to readers.
REVIEWABLE = [SuggestedEntity.Status.PENDING, SuggestedEntity.Status.PUBLISHED]


@require_http_methods(["GET", "POST"])
def suggestions(request: HttpRequest) -> HttpResponse:
    """The editors' queue: names the stories use that the registry lacks, most-named first."""
    if request.method == "POST":
        if not _editor(request):
            messages.error(request, "Only editors can approve, merge or reject suggested entities.")
            return redirect("monitor_suggestions")
        raw = request.POST.get("suggestion", "")
        suggestion = get_object_or_404(SuggestedEntity, pk=int(raw) if raw.isdigit() else 0, status__in=REVIEWABLE)
        _suggestion_act(request, suggestion)
        return redirect("monitor_suggestions")
    pending = SuggestedEntity.objects.filter(status__in=REVIEWABLE).select_related("example_article")
    return render(
        request,
        "monitor/admin/suggestions.html",
        {"suggestions": pending.order_by("-occurrences", "-confidence", "name")[:200], "kinds": Kind.choices},
    )


def _suggestion_act(request: HttpRequest, suggestion: SuggestedEntity) -> None:
    action = request.POST.get("action", "")
    if action == "approve":
        kind = request.POST.get("kind", "")
        if kind not in Kind.values:
            messages.error(request, "Choose what kind of entity it is.")
            return
        name = request.POST.get("name", "").strip()[:200]
        entity = suggestion_approve(suggestion=suggestion, kind=kind, name=name)
        messages.success(request, f"“{entity.name}” added to the registry; its stories are being retagged.")
    elif action == "merge":
        targets, missing = entities_from_names(request.POST.get("into", "")[:200])
        if missing or len(targets) != 1:
            messages.error(request, "Name one existing entity to merge into (its name, an alias or its slug).")
            return
        entity = suggestion_merge(suggestion=suggestion, entity=targets[0])
        messages.success(
            request, f"“{suggestion.name}” is now an alias of “{entity.name}”; its stories are being retagged."
        )
    elif action == "reject":
        suggestion_dismiss(suggestion=suggestion)
        messages.success(request, f"Rejected “{suggestion.name}”; it will not be suggested again.")
    else:
        messages.error(request, "Choose approve, merge or reject.")


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("monitor/articles/<int:page_id>/tags/", article_tags, name="monitor_article_tags"),
        path("monitor/suggestions/", suggestions, name="monitor_suggestions"),
    ]


@hooks.register("register_admin_menu_item")
def register_suggestions_menu_item() -> MenuItem:
    return MenuItem("Suggested entities", reverse("monitor_suggestions"), icon_name="help", order=311)


@hooks.register("register_page_listing_more_buttons")
def page_entity_tags_button(page: Any, user: Any, next_url: str | None = None) -> Any:
    if isinstance(page.specific_deferred, ArticlePage):
        yield PageMenuItem(
            "Entities", reverse("monitor_article_tags", args=[page.pk]), icon_name="tag", priority=60, page=page
        )


@hooks.register("register_page_header_buttons")
def page_header_entity_tags_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    if isinstance(page.specific_deferred, ArticlePage) and page.pk:
        yield PageMenuItem(
            "Entities", reverse("monitor_article_tags", args=[page.pk]), icon_name="tag", priority=60, page=page
        )

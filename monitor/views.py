"""Monitor's reader pages: entities, trends, alerts and briefing books."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.entitlement import user_is_pro
from lib.charts import drawn_weekly_chart
from lib.csv import safe_writer
from lib.page_cache import shared_page
from lib.pages import message_page
from lib.pagination import paginate
from lib.params import choice_param, str_param
from membership.teams import team_ids_for
from monitor import exports
from monitor.forms import AlertForm, ClipForm, FolderForm, TrendsForm
from monitor.models import KIND_PLURALS, Alert, BriefingFolder, Clip, Entity, Kind
from monitor.queries import (
    alert_for_entity,
    articles_with_both,
    attach_sections,
    co_mentions,
    coverage_range,
    entity_search,
    entity_suggestions,
    followed_entities,
    followed_stories,
    latest,
    story_count,
    tagged_articles,
    weekly_counts,
)
from monitor.services import alert_for_entity_create, alert_save, clip_create, folder_share_toggle, follow_toggle
from newsroom.models import PAGE_SIZE, ArticlePage
from newsroom.paywall import article_view
from newsroom.search import reader_kind

TEASER_ARTICLES = 3
MAX_QUERY = 100


def _message(request: HttpRequest, title: str, text: str, status: int) -> HttpResponse:
    return message_page(
        request, title=title, text=text, status=status, back_url=reverse("monitor:index"), back_label="Back to Monitor"
    )


def _pro_required(request: HttpRequest) -> HttpResponse | None:
    """None for PRO members; otherwise the page that explains PRO (403)."""
    if user_is_pro(request.user):
        return None
    return render(request, "monitor/pro_required.html", status=403)


def _csv_response(filename: str, header: list[str], rows: list[list[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = safe_writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def _chart_context(
    entities: list[Entity], start: dt.date, end: dt.date, title: str, reader: str = "pro"
) -> dict[str, Any]:
    counts = [weekly_counts(entity, start, end, reader=reader) for entity in entities]
    weeks = list(counts[0]) if counts else []
    series = [(entity.name, list(c.values())) for entity, c in zip(entities, counts, strict=True)]
    rows = [(week, [values[i] for _, values in series]) for i, week in enumerate(weeks)]
    return {
        "chart": drawn_weekly_chart(series=series, weeks=weeks, title=title, note="stories per week"),
        "chart_rows": rows,
        "chart_names": [name for name, _ in series],
    }


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query = str_param(request, "q", "", max_length=MAX_QUERY)
    reader = reader_kind(request.user)
    results = list(entity_search(query, reader=reader)) if query else []
    groups = []
    if not query:
        for kind in Kind:
            top = list(
                Entity.objects.filter(kind=kind)
                .annotate(stories=story_count(reader))
                .filter(stories__gt=0)
                .order_by("-stories", "name")[:12]
            )
            if top:
                groups.append((KIND_PLURALS[kind], top))
    context: dict[str, Any] = {"query": query, "results": results, "groups": groups}
    if not query and user_is_pro(request.user):
        context["followed"] = followed_entities(request.user)
        context["followed_stories"] = followed_stories(request.user)
    return render(request, "monitor/index.html", context)


@require_GET
@shared_page
def entity(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Entity, slug=slug)
    is_pro = user_is_pro(request.user)
    # Everything counted for outsiders comes from the text they may read.
    reader = reader_kind(request.user)
    articles = tagged_articles(item, public_only=not is_pro, reader=reader)
    start, end = coverage_range([item], reader=reader)
    context: dict[str, Any] = {
        "entity": item,
        "is_pro": is_pro,
        "total": tagged_articles(item, reader=reader).count(),
        "co_mentions": co_mentions(item, public_only=not is_pro, reader=reader),
        "start": start,
        "end": end,
        **_chart_context([item], start, end, f"Stories naming {item.name}, per week", reader),
    }
    if is_pro:
        context["timeline"] = paginate(request, articles, PAGE_SIZE)

        attach_sections(context["timeline"].object_list)
    else:
        context["latest"] = latest(articles, TEASER_ARTICLES)
    return render(request, "monitor/entity.html", context)


@require_POST
def entity_alert(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Alert me": one press sets an alert, as it happens, on stories naming this entity."""
    if denied := _pro_required(request):
        return denied
    item = get_object_or_404(Entity, slug=slug)
    if alert_for_entity(request.user, item):
        messages.info(request, f"You already have an alert on {item.name}.")
    elif Alert.objects.filter(user_id=request.user.pk).count() >= settings.MONITOR_ALERTS_PER_MEMBER:  # type: ignore[misc]
        messages.error(request, "You have as many alerts as a member may keep; delete one first.")
        return redirect("monitor:alerts")
    else:
        alert_for_entity_create(user=request.user, entity=item)
        messages.success(request, f"Alert set: we will email you as stories naming {item.name} are published.")
    return redirect(item)


@require_POST
def entity_follow(request: HttpRequest, slug: str) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    item = get_object_or_404(Entity, slug=slug)
    if follow_toggle(user=request.user, entity=item):
        messages.success(request, f"You follow {item.name}: its latest stories are on your Monitor home.")
    else:
        messages.success(request, f"You no longer follow {item.name}.")
    return redirect(item)


@require_GET
def entity_suggest(request: HttpRequest) -> HttpResponse:
    """Entity names for autocomplete: `?q=ira` → {"results": [{"name", "kind", "slug"}, ...]}."""
    if not user_is_pro(request.user):
        return JsonResponse({"error": "Entity suggestions are for PRO members."}, status=403)
    query = str_param(request, "q", "", max_length=MAX_QUERY)
    response = JsonResponse({"results": entity_suggestions(query)})
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
def entity_csv(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Entity, slug=slug)
    if denied := _pro_required(request):
        return denied
    if choice_param(request, "data", "weekly", choices=("weekly", "articles")) == "articles":
        rows = [
            [a.date.date().isoformat(), a.title, a.full_url, a.access]
            for a in tagged_articles(item).specific()  # type: ignore[attr-defined]
        ]
        return _csv_response(f"{item.slug}-articles.csv", ["date", "headline", "url", "access"], rows)
    start, end = coverage_range([item])
    counts = weekly_counts(item, start, end)
    return _csv_response(
        f"{item.slug}-weekly.csv", ["week_start", "entity", "stories"], [[w, item.name, n] for w, n in counts.items()]
    )


@require_GET
def co_mention(request: HttpRequest, slug: str, other: str) -> HttpResponse:
    first = get_object_or_404(Entity, slug=slug)
    second = get_object_or_404(Entity, slug=other)
    is_pro = user_is_pro(request.user)
    articles = articles_with_both(first, second, public_only=not is_pro, reader=reader_kind(request.user))
    context = {"entity": first, "other": second, "is_pro": is_pro}
    if is_pro:
        context["articles"] = paginate(request, articles, PAGE_SIZE)
    else:
        context["latest"] = latest(articles, TEASER_ARTICLES)
    return render(request, "monitor/co_mention.html", context)


@require_GET
def trends(request: HttpRequest) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    form = TrendsForm(request.GET or None)
    context: dict[str, Any] = {"form": form}
    if not request.GET:
        return render(request, "monitor/trends.html", context)
    if not form.is_valid():
        return render(request, "monitor/trends.html", context, status=400)
    entities = form.cleaned_data["entities"]
    start = form.cleaned_data["start"] or coverage_range(entities)[0]
    end = form.cleaned_data["end"] or coverage_range(entities)[1]
    if start > end:
        form.add_error("start", "The start of the period must come before its end.")
        return render(request, "monitor/trends.html", context, status=400)
    if (end - start).days > 366 * 10:
        form.add_error("start", "Choose a period of at most ten years.")
        return render(request, "monitor/trends.html", context, status=400)
    names = ", ".join(e.name for e in entities)
    chart = _chart_context(entities, start, end, f"Stories per week naming {names}")
    if choice_param(request, "format", "html", choices=("html", "csv")) == "csv":
        rows = [[week, *values] for week, values in chart["chart_rows"]]
        return _csv_response("trends.csv", ["week_start", *chart["chart_names"]], rows)
    context.update(chart, entities=entities, start=start, end=end, csv_query=request.GET.urlencode())
    return render(request, "monitor/trends.html", context)


# Alerts ---------------------------------------------------------------


def _own_alert(request: HttpRequest, token: UUID) -> Alert:
    return get_object_or_404(Alert, token=token, user_id=request.user.pk)


@require_http_methods(["GET", "POST"])
def alerts(request: HttpRequest) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    mine = Alert.objects.filter(user=request.user).prefetch_related("entities", "sections")  # type: ignore[misc]
    form = AlertForm(request.POST or None)
    del form.fields["is_active"]  # a new alert starts active
    if request.method == "POST":
        if mine.count() >= settings.MONITOR_ALERTS_PER_MEMBER:
            messages.error(request, "You have as many alerts as a member may keep; delete one first.")
            return render(request, "monitor/alerts.html", {"form": form, "alerts": mine}, status=400)
        if form.is_valid():
            alert = alert_save(alert=Alert(user=request.user), data=form.cleaned_data)  # type: ignore[misc]
            messages.success(request, f"Alert “{alert.name}” saved.")
            return redirect("monitor:alerts")
        return render(request, "monitor/alerts.html", {"form": form, "alerts": mine}, status=400)
    return render(request, "monitor/alerts.html", {"form": form, "alerts": mine})


@require_http_methods(["GET", "POST"])
def alert_edit(request: HttpRequest, token: UUID) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    alert = _own_alert(request, token)
    form = AlertForm(request.POST or None, initial=AlertForm.initial_for(alert))
    if request.method == "POST":
        if form.is_valid():
            alert_save(alert=alert, data=form.cleaned_data)
            messages.success(request, f"Alert “{alert.name}” updated.")
            return redirect("monitor:alerts")
        return render(request, "monitor/alert_edit.html", {"form": form, "alert": alert}, status=400)
    return render(request, "monitor/alert_edit.html", {"form": form, "alert": alert})


@require_POST
def alert_delete(request: HttpRequest, token: UUID) -> HttpResponse:
    if not request.user.is_authenticated:
        raise Http404
    alert = _own_alert(request, token)
    alert.delete()
    messages.success(request, f"Alert “{alert.name}” deleted.")
    return redirect("monitor:alerts")


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs with no cookies; the token is the key
@require_http_methods(["GET", "POST"])
def alert_leave(request: HttpRequest, token: UUID) -> HttpResponse:
    alert = Alert.objects.filter(token=token).first()
    if alert is None:
        return _message(request, "Alert not found", "This alert no longer exists; there is nothing to stop.", 404)
    if request.method == "POST":
        Alert.objects.filter(pk=alert.pk).update(is_active=False)
        alert.is_active = False
    return render(request, "monitor/alert_leave.html", {"alert": alert})


# Briefing books -------------------------------------------------------------


def _own_folder(request: HttpRequest, token: UUID) -> BriefingFolder:
    return get_object_or_404(BriefingFolder, token=token, owner_id=request.user.pk)


@require_http_methods(["GET", "POST"])
def folders(request: HttpRequest) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    form = FolderForm(request.POST or None, owner=request.user)
    if request.method == "POST":
        if form.is_valid():
            folder = BriefingFolder.objects.create(owner=request.user, name=form.cleaned_data["name"])  # type: ignore[misc]
            messages.success(request, f"Briefing book “{folder.name}” created.")
            return redirect(folder)
        status = 400
    else:
        status = 200
    mine = BriefingFolder.objects.filter(owner_id=request.user.pk).annotate(clip_count=_count_clips())
    return render(request, "monitor/folders.html", {"form": form, "folders": mine}, status=status)


def _count_clips() -> Any:
    return Count("clips")


@require_GET
def folder(request: HttpRequest, token: UUID) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    item = _own_folder(request, token)
    share_url = request.build_absolute_uri(item.get_share_url()) if item.share_token else ""
    return render(request, "monitor/folder.html", {"folder": item, "clips": item.clips.all(), "share_url": share_url})


@require_POST
def folder_delete(request: HttpRequest, token: UUID) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    item = _own_folder(request, token)
    item.delete()
    messages.success(request, f"Briefing book “{item.name}” deleted.")
    return redirect("monitor:folders")


@require_POST
def folder_share(request: HttpRequest, token: UUID) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    item = folder_share_toggle(folder=_own_folder(request, token))
    messages.success(request, "Read-only link created." if item.share_token else "Read-only link switched off.")
    return redirect(item)


@require_POST
def clip_delete(request: HttpRequest, token: UUID, clip_id: int) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    item = _own_folder(request, token)
    get_object_or_404(Clip, pk=clip_id, folder=item).delete()
    messages.success(request, "Clip removed.")
    return redirect(item)


def _export(request: HttpRequest, item: BriefingFolder, fmt: str) -> HttpResponse:
    clips = list(item.clips.all())
    if fmt not in exports.FORMATS:
        return _message(request, "Unknown format", "Export as docx, pptx or pdf.", 404)
    if not clips:
        return _message(
            request,
            "Nothing to export yet",
            f"“{item.name}” has no clips. Clip an article or a passage first, then export.",
            409,
        )
    content_type, build = exports.FORMATS[fmt]
    response = HttpResponse(build(folder=item, clips=clips), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(item, fmt)}"'
    return response


@require_GET
def folder_export(request: HttpRequest, token: UUID, fmt: str) -> HttpResponse:
    if denied := _pro_required(request):
        return denied
    return _export(request, _own_folder(request, token), fmt)


def _shared(request: HttpRequest, share_token: UUID) -> BriefingFolder | HttpResponse:
    item = BriefingFolder.objects.filter(share_token=share_token).select_related("owner").first()
    if item is None:
        return _message(
            request,
            "Briefing book not available",
            "This briefing book was deleted or its owner stopped sharing it. Ask them for a new link.",
            404,
        )
    if not _may_read_shared(viewer=request.user, owner=item.owner):
        return _message(
            request,
            "Shared with a team",
            "This briefing book is shared with its owner's team. Sign in with an account on that team to read it.",
            403,
        )
    return item


def _may_read_shared(*, viewer: Any, owner: Any) -> bool:
    """A shared book is for the owner's team: the link alone opens nothing."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == owner.pk:
        return True
    return bool(team_ids_for(user=viewer) & team_ids_for(user=owner))


@require_GET
def shared_folder(request: HttpRequest, share_token: UUID) -> HttpResponse:
    item = _shared(request, share_token)
    if isinstance(item, HttpResponse):
        return item
    return render(request, "monitor/shared_folder.html", {"folder": item, "clips": item.clips.all()})


@require_GET
def shared_export(request: HttpRequest, share_token: UUID, fmt: str) -> HttpResponse:
    item = _shared(request, share_token)
    if isinstance(item, HttpResponse):
        return item
    return _export(request, item, fmt)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _clip_failed(request: HttpRequest, form: ClipForm, article: ArticlePage) -> HttpResponse:
    if _wants_json(request):
        errors = [str(e) for errors in form.errors.values() for e in errors]
        return JsonResponse({"ok": False, "errors": errors}, status=400)
    return render(request, "monitor/clip.html", {"form": form, "article": article}, status=400)


def _clipped(request: HttpRequest, folder_obj: BriefingFolder, article: ArticlePage) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"ok": True, "folder": folder_obj.name, "url": folder_obj.get_absolute_url()})
    messages.success(request, f"Clipped to “{folder_obj.name}”.")
    if request.POST.get("return_to") == "article":
        return redirect(article.url + "#clip-heading")
    return redirect(folder_obj)


@require_http_methods(["GET", "POST"])
def clip(request: HttpRequest, article_id: int) -> HttpResponse:
    """Clip a story or a passage of it: the full form, the form under a story, or its "Clip" button (JSON)."""
    if denied := _pro_required(request):
        return denied
    article = get_object_or_404(ArticlePage.objects.live(), pk=article_id).specific
    view = article_view(article=article, user=request.user)
    form = ClipForm(request.POST or None, owner=request.user, article=article, readable=view.text)
    if request.method == "GET":
        return render(request, "monitor/clip.html", {"form": form, "article": article, "now": timezone.now()})
    if not form.is_valid():
        return _clip_failed(request, form, article)
    folder_obj = form.target_folder()
    if folder_obj.clips.count() >= settings.MONITOR_CLIPS_PER_FOLDER:
        form.add_error(None, "This briefing book is full; start another one.")
        return _clip_failed(request, form, article)
    clip_create(
        folder=folder_obj, article=article, passage=form.cleaned_data["passage"], note=form.cleaned_data["note"]
    )
    return _clipped(request, folder_obj, article)

"""The entity registry: its seed files, and the tagger built from it (cached).

The seed is every country pycountry knows, with the names, adjectives and
demonyms we list in `data/countries.txt`, plus the regional people,
organisations, companies, places and weapons systems in `data/entities.txt`.
"""

from __future__ import annotations

import re
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.core.cache import cache
from django.db import transaction
from django.utils.text import slugify

from monitor.tagger import Entry, Tagger, context_words

DATA_DIR = Path(__file__).resolve().parent / "data"
VERSION_KEY = "monitor:registry-version"


@dataclass
class SeedAlias:
    text: str
    case_sensitive: bool = False
    needs_context: bool = False


@dataclass
class SeedEntity:
    kind: str
    name: str
    slug: str
    description: str = ""
    context_words: str = ""
    prominence: int = 0
    aliases: list[SeedAlias] = field(default_factory=list)


_QUALIFIED = re.compile(r".+ \([^()]+\)")


def _alias(raw: str) -> SeedAlias:
    """`!Name` needs context; short all-capital forms (US, IRGC) and short acronyms with a capital after
    the first letter (LeT, AfDB) match case-sensitively: "let" is no militant group."""
    needs_context = raw.startswith("!")
    text = raw.lstrip("!").strip()
    letters = [c for c in text if c.isalpha()]
    mixed = not re.search(r"[\s-]", text) and any(c.isupper() for c in letters[1:])  # not "Al-Hol"
    acronym = all(c.isupper() for c in letters) or mixed
    case_sensitive = bool(letters) and acronym and len(letters) <= 6
    return SeedAlias(text=text, case_sensitive=case_sensitive, needs_context=needs_context)


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(";") if part.strip()]


def seed_countries() -> list[SeedEntity]:
    extra: dict[str, tuple[str, list[str], str]] = {}
    for line in (DATA_DIR / "countries.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, raw_aliases, *rest = (part.strip() for part in line.split("|"))
        extra[code] = (name, _split(raw_aliases), rest[0] if rest else "")
    countries = []
    for country in pycountry.countries:
        name, aliases, context = extra.get(country.alpha_2, ("", [], ""))
        common = getattr(country, "common_name", "")
        canonical = name or common or country.name
        names = [canonical, country.name, common, getattr(country, "official_name", ""), *aliases]
        seen: set[str] = set()
        entity = SeedEntity(
            kind="country",
            name=canonical,
            slug=slugify(canonical),
            description=f"Country ({country.alpha_3}).",
            context_words=context,
            prominence=5 if country.alpha_2 in extra else 1,
        )
        for raw in names:
            if raw and "," not in raw and raw.lstrip("!") not in seen:
                seen.add(raw.lstrip("!"))
                entity.aliases.append(_alias(raw))
        countries.append(entity)
    return countries


def seed_others() -> list[SeedEntity]:
    entities = []
    for line in (DATA_DIR / "entities.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, aliases, description, *rest = (part.strip() for part in line.split("|"))
        entity = SeedEntity(
            kind=kind,
            name=name,
            slug=slugify(name),
            description=description,
            context_words=rest[0] if rest else "",
            prominence=int(rest[1]) if len(rest) > 1 and rest[1] else 3,
        )
        # "Tripoli (Libya)": a name qualified to tell two places apart is matched only by its aliases.
        names = [] if _QUALIFIED.fullmatch(name) else [name]
        entity.aliases = [_alias(raw) for raw in [*names, *_split(aliases)]]
        entities.append(entity)
    return entities


def seed_registry() -> list[SeedEntity]:
    return seed_countries() + seed_others()


def seed_entries(entities: list[SeedEntity] | None = None) -> list[Entry]:
    """Tagger entries straight from the seed files, no database needed (benches, checks)."""
    entries = []
    for entity in entities or seed_registry():
        words = context_words(entity.context_words)
        for alias in entity.aliases:
            entries.append(
                Entry(
                    entity_id=entity.slug,
                    name=entity.name,
                    kind=entity.kind,
                    slug=entity.slug,
                    alias=alias.text,
                    case_sensitive=alias.case_sensitive,
                    needs_context=alias.needs_context,
                    context_words=words,
                    prominence=entity.prominence,
                )
            )
    return entries


@transaction.atomic
def registry_seed() -> tuple[int, int]:
    """Create or update the seed entities; editor-added entities and aliases are kept.

    Returns (entities created, aliases created).
    """
    from monitor.models import Alias, Entity

    seeds = seed_registry()
    existing = {e.slug: e for e in Entity.objects.all()}
    to_create = [
        Entity(
            kind=s.kind,
            name=s.name,
            slug=s.slug,
            description=s.description,
            context_words=s.context_words,
            prominence=s.prominence,
        )
        for s in seeds
        if s.slug not in existing
    ]
    Entity.objects.bulk_create(to_create)
    by_slug = {e.slug: e for e in Entity.objects.all()}
    have = set(Alias.objects.values_list("entity__slug", "text"))
    new_aliases = []
    for seed in seeds:
        entity = by_slug[seed.slug]
        if seed.slug in existing and not entity.description and seed.description:
            Entity.objects.filter(pk=entity.pk).update(description=seed.description)
        for alias in seed.aliases:
            if (seed.slug, alias.text) not in have:
                have.add((seed.slug, alias.text))
                new_aliases.append(
                    Alias(
                        entity=entity,
                        text=alias.text,
                        case_sensitive=alias.case_sensitive,
                        needs_context=alias.needs_context,
                    )
                )
    Alias.objects.bulk_create(new_aliases)
    registry_touch()
    return len(to_create), len(new_aliases)


def registry_entries() -> list[Entry]:
    from monitor.models import Alias

    entries = []
    rows = Alias.objects.select_related("entity").order_by("pk")
    for alias in rows:
        entity = alias.entity
        entries.append(
            Entry(
                entity_id=entity.pk,
                name=entity.name,
                kind=entity.kind,
                slug=entity.slug,
                alias=alias.text,
                case_sensitive=alias.case_sensitive,
                needs_context=alias.needs_context,
                context_words=context_words(entity.context_words),
                prominence=entity.prominence,
            )
        )
    return entries


def registry_touch() -> None:
    """Mark every process's cached tagger stale; each rebuilds on its next use."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # Again after commit, so no process caches a tagger built from rows it could not yet see.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


_lock = threading.Lock()
_cached: tuple[str, Tagger] | None = None


def registry_tagger() -> Tagger:
    """The site's tagger, rebuilt only when the registry has changed."""
    global _cached
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    current = _cached
    if current is not None and current[0] == version:
        return current[1]
    with _lock:
        tagger = Tagger(registry_entries())
        _cached = (version, tagger)
        return tagger

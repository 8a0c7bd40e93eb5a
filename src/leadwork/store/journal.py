"""A journal on disk: which files it has, and their models, read once and on demand.

Commands read only what they need (the dashboard never opens a check-in older than the
weeks it shows); file names carry the week or date, so choosing files costs no parsing.
A file that validated before, byte for byte, is taken from the cache of validated files
(`store.validated`) without parsing or validating it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from leadwork import layout
from leadwork.domain.timeline import checked_in
from leadwork.errors import InvalidFile, Problem
from leadwork.model.journal import Definitions
from leadwork.store.document import Document, parse, read_document, read_text
from leadwork.store.validated import ValidatedCache
from leadwork.weeks import Week

if TYPE_CHECKING:
    from pydantic import BaseModel

    from leadwork.model.capabilities import Capabilities
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicators
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.model.settings import JournalConfig
    from leadwork.model.strategy import Strategy
    from leadwork.model.team import Team
    from leadwork.store.validation import Salvaged

M = TypeVar("M", bound="BaseModel")

# Each file's model, by name: a view's journal (`plain`) reads files in plain form and so
# never imports a model unless a file must be validated (`model_class`).
CHECKIN = "leadwork.model.checkin.Checkin"
ONE_ON_ONE = "leadwork.model.one_on_one.OneOnOne"
STRATEGY_REVIEW = "leadwork.model.review.StrategyReview"
CAPABILITY_REVIEW = "leadwork.model.review.CapabilityReview"
DEFINITION_MODELS: dict[str, str] = {
    layout.CONFIG: "leadwork.model.settings.JournalConfig",
    layout.STRATEGY: "leadwork.model.strategy.Strategy",
    layout.CAPABILITIES: "leadwork.model.capabilities.Capabilities",
    layout.INDICATORS: "leadwork.model.indicators.Indicators",
    layout.TEAM: "leadwork.model.team.Team",
}


def model_name(model: type[BaseModel] | str) -> str:
    """A model's name ("leadwork.model.checkin.Checkin"), from the model or its name."""
    return model if isinstance(model, str) else f"{model.__module__}.{model.__qualname__}"


def model_class(model: type[BaseModel] | str) -> type[BaseModel]:
    """The model itself, imported (with pydantic) only now."""
    if not isinstance(model, str):
        return model
    module, _, name = model.rpartition(".")
    found: type[BaseModel] = getattr(import_module(module), name)
    return found


@dataclass(frozen=True)
class Entry:
    """A dated file in one of the journal's folders, known by its name before it is read."""

    rel: str  # path inside the journal, with forward slashes
    date: dt.date
    rest: str  # the part of the name after the date: person id, or review subject


def open_journal(root: Path, *, plain: bool = False) -> Journal:
    """The journal at `root`, with a change a killed writer left half-made finished first
    (`store.atomic.write_together`), so no command ever shows one file of it without the
    others. One stat when there is none."""
    if (root / layout.COMMIT_FILE).exists():
        from leadwork.errors import LeadworkError
        from leadwork.store.atomic import journal_lock

        with contextlib.suppress(LeadworkError), journal_lock(root):  # the lock finishes it
            pass  # a read-only journal, or one locked for long: shown as it is
    return Journal(root, plain=plain)


_USER_CACHE: Any = object()  # the default: the user's cache folder, unless turned off


class Journal:
    """`plain`: read files in plain form (`model/plain.py`), as the views do: the same
    attributes and values as the models, without importing pydantic on a cache hit. A
    journal that writes, or `check`, reads the models themselves."""

    def __init__(
        self, root: Path, cache: ValidatedCache | None = _USER_CACHE, *, plain: bool = False
    ) -> None:
        self.root = root
        self.plain = plain
        self._documents: dict[str, Document] = {}
        self._unreadable: dict[str, list[Problem]] = {}
        self._models: dict[str, Any] = {}
        self._cache = ValidatedCache.for_user() if cache is _USER_CACHE else cache
        self._texts: dict[str, str] = {}  # files taken from the cache: their text, unparsed
        self._keys: dict[str, str] = {}  # files parsed, not yet validated: their cache key

    def path(self, rel: str) -> Path:
        return self.root / rel

    def writable(self, rel: str, *, folder: bool = False) -> Path:
        """`path(rel)` for a writer: refused if a folder on the way links out of the journal."""
        from leadwork.store.atomic import inside_journal

        return inside_journal(self.root, rel, folder=folder)

    def absent(self, rel: str) -> bool:
        """Nothing at all at `rel`. A symlink that leads nowhere is not absent: reading it
        reports it, rather than quietly taking the file as empty."""
        return not os.path.lexists(self.path(rel))

    # ---- reading one file -------------------------------------------------------------------

    def document(self, rel: str) -> Document:
        if rel in self._unreadable:
            raise InvalidFile(problems=self._unreadable[rel])
        if rel not in self._documents:
            text = self._texts.pop(rel, None)  # the text its cached model was taken from
            path = self.path(rel)
            self._documents[rel] = read_document(path) if text is None else parse(path, text)
        return self._documents[rel]

    def prefetch(self, wanted: list[tuple[str, type[BaseModel] | str]]) -> None:
        """Read these files now, each to be validated as its model, and parse those not in
        the cache of validated files, on both cores when there are many (for `check`)."""
        from leadwork.store.parallel import look_up_documents, read_documents

        todo = [(r, m) for r, m in wanted if r not in self._documents and r not in self._models]
        cache = self._cache
        if cache is None:
            outcomes = read_documents([self.path(rel) for rel, _ in todo])
            for rel, _ in todo:
                self._keep_outcome(rel, outcomes[self.path(rel)])
            return
        found = look_up_documents(
            [(self.path(rel), model_name(model)) for rel, model in todo], cache, plain=self.plain
        )
        for rel, model in todo:
            looked = found[self.path(rel)]
            if looked.key is not None:
                self._keys[rel] = looked.key
            if looked.kept is not None:
                kept = cache.get(model_name(model), looked.key or "", plain=self.plain)
                if kept is not None:
                    self._models[rel] = kept
                    self._texts[rel] = looked.kept
                    self._keys.pop(rel, None)
                    continue
                # a damaged or foreign entry: parse the text here, and keep it anew
                self._keep_outcome(rel, self._parsed(rel, looked.kept))
                continue
            if looked.outcome is not None:
                self._keep_outcome(rel, looked.outcome)

    def _parsed(self, rel: str, text: str) -> Document | list[Problem]:
        try:
            return parse(self.path(rel), text)
        except InvalidFile as error:
            return error.problems

    def _keep_outcome(self, rel: str, outcome: Document | list[Problem]) -> None:
        if isinstance(outcome, Document):
            self._documents[rel] = outcome
        else:
            self._unreadable[rel] = outcome

    @overload
    def load(self, rel: str, model: type[M]) -> M: ...
    @overload
    def load(self, rel: str, model: str) -> Any: ...
    def load(self, rel: str, model: type[M] | str) -> Any:
        """The file as its model (or, in a plain journal, the model's plain form)."""
        if rel not in self._models:
            self._models[rel] = self._validated(rel, model_name(model), model)
        return self._models[rel]  # a file's path decides its model

    def _validated(self, rel: str, name: str, model: type[BaseModel] | str) -> Any:
        """The file's model: from the cache of validated files when this content validated
        before, else parsed, validated and kept there."""
        cache = self._cache
        if cache is None or rel in self._unreadable:
            return self._form(self._validate(model, self.document(rel)))
        document = self._documents.get(rel)
        key = self._keys.pop(rel, None)
        if document is None:
            text = read_text(self.path(rel))
            key = cache.key(name, text.encode(), plain=self.plain)
            found = cache.get(name, key, plain=self.plain)
            if found is not None:
                self._texts[rel] = text
                return found
            document = self._documents[rel] = parse(self.path(rel), text)
        elif key is None:
            key = cache.key(name, document.text.encode(), plain=self.plain)
        result = self._form(self._validate(model, document))
        cache.put(key, result)
        return result

    @staticmethod
    def _validate(model: type[BaseModel] | str, document: Document) -> BaseModel:
        from leadwork.store.validation import validate

        return validate(model_class(model), document)

    def _form(self, instance: BaseModel) -> Any:
        """A validated model as this journal hands it out: itself, or its plain form."""
        if not self.plain:
            return instance
        from leadwork.model.plain import to_plain

        return to_plain(instance)

    def salvage(self, rel: str, model: type[M], entries: bool = False) -> Salvaged[M] | None:
        """After `load` refused `rel`: its model without the values in error (with
        `entries`, without the entries of its arrays of tables that cannot stand without
        them), and their paths (see `validation.salvage`); None when it was not even read
        as TOML, or does not stand without them."""
        from leadwork.store.validation import salvage

        document = self._documents.get(rel)
        return None if document is None else salvage(model, document, entries)

    def definition(self, rel: str) -> Any:
        """A definition file's model; one other than leadwork.toml may be absent: then it
        is empty (all its defaults), in the journal's form."""
        name = DEFINITION_MODELS[rel]
        if rel == layout.CONFIG or not self.absent(rel):
            return self.load(rel, name)
        cache = self._cache
        if not self.plain or cache is None:
            return self._form(model_class(name)())
        key = cache.key(name, b"", plain=True)  # as an empty file: it holds no table
        found = cache.get(name, key, plain=True)
        if found is None:
            found = self._form(model_class(name)())
            cache.put(key, found)
        return found

    def models_read(self) -> dict[str, Any]:
        """The models this run has loaded so far, by file: what a command has read."""
        return dict(self._models)

    def forget(self, rel: str) -> None:
        """Drop what was read of `rel` (after this process wrote it)."""
        self._documents.pop(rel, None)
        self._unreadable.pop(rel, None)
        self._models.pop(rel, None)
        self._texts.pop(rel, None)
        self._keys.pop(rel, None)

    # ---- definitions ------------------------------------------------------------------------

    def config(self) -> JournalConfig:
        return cast("JournalConfig", self.definition(layout.CONFIG))

    def strategy(self) -> Strategy:
        return cast("Strategy", self.definition(layout.STRATEGY))

    def capabilities(self) -> Capabilities:
        return cast("Capabilities", self.definition(layout.CAPABILITIES))

    def indicators(self) -> Indicators:
        return cast("Indicators", self.definition(layout.INDICATORS))

    def team(self) -> Team:
        return cast("Team", self.definition(layout.TEAM))

    def definitions(self) -> Definitions:
        """All five definition files; the first one that is invalid raises."""
        return Definitions(
            config=self.config(),
            strategy=self.strategy(),
            capabilities=self.capabilities(),
            indicators=self.indicators(),
            team=self.team(),
        )

    # ---- weekly check-ins ---------------------------------------------------------------------

    def checkin_weeks(self) -> list[Week]:
        """The weeks that have a check-in file, oldest first (from file names alone)."""
        weeks = []
        for name in _names(self.path(layout.CHECKINS)):
            match = layout.CHECKIN_NAME.match(name)
            if match:
                try:
                    weeks.append(Week.parse(match[1]))
                except ValueError:
                    continue  # `check` reports it
        return sorted(weeks)

    def first_checkin_week(self) -> Week | None:
        """The earliest week that has a check-in file (from file names alone): the names
        sort as their weeks do, so only the first valid one is parsed, not every name."""
        names = sorted(
            n for n in _names(self.path(layout.CHECKINS)) if layout.CHECKIN_NAME.match(n)
        )
        for name in names:
            match = layout.CHECKIN_NAME.match(name)
            try:
                return Week.parse(match[1]) if match else None
            except ValueError:
                continue  # `check` reports it
        return None

    def checkin_rel(self, week: Week) -> str:
        return layout.checkin_file(week)

    def checkin(self, week: Week) -> Checkin | None:
        rel = self.checkin_rel(week)
        if self.absent(rel):
            folder = self.path(layout.CHECKINS)
            if os.path.lexists(folder) and not folder.is_dir():  # not "no check-in yet"
                raise InvalidFile("is a file, but leadwork keeps a folder here", file=folder)
            return None
        return cast("Checkin", self.load(rel, CHECKIN))

    def checkins(self, weeks: list[Week]) -> dict[Week, Checkin]:
        """The check-ins of those weeks that have one."""
        found = {}
        for week in weeks:
            checkin = self.checkin(week)
            if checkin is not None:
                found[week] = checkin
        return found

    def checkins_before(self, week: Week) -> Iterator[tuple[Week, Checkin]]:
        """The check-ins of the weeks before `week`, newest first, each read only when the
        caller asks for it (most callers stop at the first or second)."""
        for earlier in reversed([w for w in self.checkin_weeks() if w < week]):
            checkin = self.checkin(earlier)
            if checkin is not None:
                yield earlier, checkin

    def checkins_after(self, week: Week) -> Iterator[tuple[Week, Checkin]]:
        """The check-ins of the weeks after `week`, oldest first, each read when asked for."""
        for later in [w for w in self.checkin_weeks() if w > week]:
            checkin = self.checkin(later)
            if checkin is not None:
                yield later, checkin

    def latest_checked_in(
        self,
        upto: Week,
        counts: Callable[[Checkin | None], bool] = checked_in,
        since: Week | None = None,
    ) -> Week | None:
        """The latest week up to `upto` that `counts` (`domain.timeline.checked_in`, or
        `checkin_done`): a week holding only a story captured on Tuesday does not count.
        `since`: no earlier week is read (None: back to the first)."""
        current = self.checkin(upto)
        if counts(current):
            return upto
        earlier = [w for w in self.checkin_weeks() if w < upto and (since is None or w >= since)]
        return next((w for w in reversed(earlier) if counts(self.checkin(w))), None)

    # ---- one-on-ones and reviews --------------------------------------------------------------

    def one_on_one_entries(self) -> list[Entry]:
        return _dated_entries(
            self.path(layout.ONE_ON_ONES), layout.ONE_ON_ONES, layout.ONE_ON_ONE_NAME
        )

    def one_on_one(self, entry: Entry) -> OneOnOne:
        return cast("OneOnOne", self.load(entry.rel, ONE_ON_ONE))

    def review_entries(self) -> list[Entry]:
        return _dated_entries(self.path(layout.REVIEWS), layout.REVIEWS, layout.REVIEW_NAME)

    def review(self, entry: Entry) -> StrategyReview | CapabilityReview:
        return cast(
            "StrategyReview | CapabilityReview", self.load(entry.rel, review_model(entry.rest))
        )


def review_model(subject: str) -> str:
    """A review file's model, from the subject in its name ("strategy" or "capability-…")."""
    return STRATEGY_REVIEW if subject == "strategy" else CAPABILITY_REVIEW


def _names(folder: Path) -> list[str]:
    # Names, not Path objects: a folder of ten years of one-on-ones holds thousands.
    try:
        return [name for name in os.listdir(folder) if not name.startswith(".")]
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise InvalidFile("is a file, but leadwork keeps a folder here", file=folder) from None
    except PermissionError:
        raise InvalidFile("cannot be read: permission denied", file=folder) from None


def _dated_entries(folder: Path, prefix: str, pattern: Any) -> list[Entry]:
    """Oldest first: every matching name starts with its ISO date, and a second file of a
    day comes after the first (`layout.dated_order`)."""
    entries = []
    for name in sorted(_names(folder), key=layout.dated_order):
        match = pattern.match(name)
        if not match:
            continue
        try:
            day = dt.date.fromisoformat(match[1])
        except ValueError:
            continue  # `check` reports it
        entries.append(Entry(f"{prefix}/{name}", day, match[2]))
    return entries

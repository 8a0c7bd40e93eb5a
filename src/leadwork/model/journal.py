"""The definitions a leader edits by hand, read together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadwork.plainclass import plainclass

if TYPE_CHECKING:  # the views hold their plain forms (`model/plain.py`): no pydantic to import
    from leadwork.model.capabilities import Capabilities
    from leadwork.model.indicators import Indicators
    from leadwork.model.settings import JournalConfig
    from leadwork.model.strategy import Strategy
    from leadwork.model.team import Team


@plainclass(frozen=True)
class Definitions:
    config: JournalConfig
    strategy: Strategy
    capabilities: Capabilities
    indicators: Indicators
    team: Team

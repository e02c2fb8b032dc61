"""Central configuration. Values may be overridden per deployment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from decimal import ROUND_HALF_UP


@dataclass(frozen=True)
class ShiftPayConfiguration:
    rounding_granularity_minutes: int = 15
    rounding_tie_breaker: str = "UP"
    night_window_start: time = time(22, 0)
    night_window_length_hours: int = 8
    premium_weekday_index: int = 6
    money_quantum: str = "0.01"
    money_rounding_mode: str = ROUND_HALF_UP
    rounding_strategy_key: str = "quarter-hour"
    overtime_rule_key: str = "daily-then-weekly"
    policy_provider_key: str = "default"


DEFAULT_CONFIGURATION = ShiftPayConfiguration()


class ConfigurationProvider:
    """Supplies the active configuration."""

    _active: ShiftPayConfiguration = DEFAULT_CONFIGURATION

    @classmethod
    def get(cls) -> ShiftPayConfiguration:
        return cls._active

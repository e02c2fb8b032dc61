from __future__ import annotations

from datetime import timedelta

from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractRoundingStrategy


class QuarterHourRoundingStrategy(AbstractRoundingStrategy):
    def __init__(self, granularity_minutes: int, tie_breaker: str) -> None:
        self._step = timedelta(minutes=granularity_minutes)
        self._tie_breaker = tie_breaker

    def round_duration(self, duration: timedelta) -> timedelta:
        steps, remainder = divmod(duration, self._step)
        if self._is_round_up(remainder):
            steps += 1
        return steps * self._step

    def _is_round_up(self, remainder: timedelta) -> bool:
        half = self._step / 2
        if self._tie_breaker == "UP":
            return remainder >= half
        return remainder > half


class RoundingStrategyFactory:
    """Creates the rounding strategy selected by configuration."""

    _registry = {"quarter-hour": QuarterHourRoundingStrategy}

    @classmethod
    def create(cls) -> AbstractRoundingStrategy:
        config = ConfigurationProvider.get()
        strategy_class = cls._registry[config.rounding_strategy_key]
        return strategy_class(config.rounding_granularity_minutes, config.rounding_tie_breaker)

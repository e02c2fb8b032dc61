from __future__ import annotations

from datetime import datetime, timedelta

from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractNightTimeCalculator


class StandardNightTimeCalculator(AbstractNightTimeCalculator):
    def __init__(self) -> None:
        config = ConfigurationProvider.get()
        self._window_start = config.night_window_start
        self._window_length = timedelta(hours=config.night_window_length_hours)

    def night_time(self, start: datetime, end: datetime) -> timedelta:
        total = timedelta(0)
        window = datetime.combine(start.date() - timedelta(days=1), self._window_start)
        while window < end:
            total += self._overlap(start, end, window)
            window += timedelta(days=1)
        return total

    def _overlap(self, start: datetime, end: datetime, window: datetime) -> timedelta:
        overlap = min(end, window + self._window_length) - max(start, window)
        return max(overlap, timedelta(0))


class NightTimeCalculatorFactory:
    @staticmethod
    def create() -> AbstractNightTimeCalculator:
        return StandardNightTimeCalculator()

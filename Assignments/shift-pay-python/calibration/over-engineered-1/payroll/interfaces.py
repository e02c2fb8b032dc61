"""Abstractions for each step of the calculation, so that each can be replaced independently."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date, datetime, timedelta
from decimal import Decimal


class RoundingStrategy(ABC):
    @abstractmethod
    def round_hours(self, duration: timedelta) -> Decimal: ...


class NightTimeCalculator(ABC):
    @abstractmethod
    def night_time(self, start: datetime, end: datetime) -> timedelta: ...


class OvertimeCalculator(ABC):
    @abstractmethod
    def split(self, day: date, hours: Decimal) -> tuple[Decimal, Decimal]: ...

    @abstractmethod
    def reset(self) -> None: ...


class PremiumDayDetector(ABC):
    @abstractmethod
    def is_premium(self, day: date) -> bool: ...


class Validator(ABC):
    @abstractmethod
    def validate(self, shifts: list, policy) -> None: ...

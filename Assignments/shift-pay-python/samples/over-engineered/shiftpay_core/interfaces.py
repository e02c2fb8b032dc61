"""Abstract contracts for every pluggable component."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Iterable

from shiftpay_core.models import HoursBreakdown, PayPolicy, PayStatement, Shift


class AbstractRoundingStrategy(ABC):
    @abstractmethod
    def round_duration(self, duration: timedelta) -> timedelta: ...


class AbstractNightTimeCalculator(ABC):
    @abstractmethod
    def night_time(self, start: datetime, end: datetime) -> timedelta: ...


class AbstractOvertimeRule(ABC):
    @abstractmethod
    def reset(self) -> None: ...

    @abstractmethod
    def allocate(self, work_day: date, hours: Decimal) -> tuple[Decimal, Decimal]: ...


class AbstractMoneyRounder(ABC):
    @abstractmethod
    def round_money(self, amount: Decimal) -> Decimal: ...


class AbstractValidator(ABC):
    @abstractmethod
    def validate(self, shifts: list[Shift], policy: PayPolicy) -> None: ...


class AbstractPremiumDayDetector(ABC):
    @abstractmethod
    def is_premium_day(self, day: date, policy: PayPolicy) -> bool: ...


class AbstractLinePricer(ABC):
    @abstractmethod
    def price(self, hours: HoursBreakdown, premium_day: bool, policy: PayPolicy) -> Decimal: ...


class AbstractPolicyProvider(ABC):
    @abstractmethod
    def provide(self, policy: PayPolicy) -> PayPolicy: ...


class AbstractPayCalculator(ABC):
    @abstractmethod
    def calculate(self, shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement: ...

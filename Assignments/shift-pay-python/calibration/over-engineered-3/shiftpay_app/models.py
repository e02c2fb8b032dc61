"""The public data types and errors of the shift pay calculator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal



class ShiftPayError(ValueError):
    """Base class of every input error raised by this module."""


class InvalidShiftError(ShiftPayError):
    """A shift ends at or before its start, or has a negative break."""


class BreakTooLongError(ShiftPayError):
    """A shift's break is as long as the shift or longer."""


class OverlappingShiftsError(ShiftPayError):
    """Two shifts of the week overlap in time."""


class InvalidPolicyError(ShiftPayError):
    """A pay policy value is out of range."""


@dataclass(frozen=True)
class Shift:
    start: datetime
    end: datetime
    break_minutes: int = 0


@dataclass(frozen=True)
class PayPolicy:
    base_rate: Decimal
    daily_overtime_after: Decimal = Decimal("8")
    weekly_overtime_after: Decimal = Decimal("40")
    overtime_multiplier: Decimal = Decimal("1.5")
    night_premium: Decimal = Decimal("0")
    premium_day_multiplier: Decimal = Decimal("1")
    holidays: frozenset[date] = frozenset()


@dataclass(frozen=True)
class ShiftLine:
    start: datetime
    end: datetime
    worked_hours: Decimal
    regular_hours: Decimal
    overtime_hours: Decimal
    night_hours: Decimal
    premium_day: bool
    pay: Decimal


@dataclass(frozen=True)
class PayStatement:
    lines: tuple[ShiftLine, ...]
    regular_hours: Decimal
    overtime_hours: Decimal
    night_hours: Decimal
    gross_pay: Decimal

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


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


@dataclass(frozen=True)
class HoursBreakdown:
    """Data transfer object between the overtime layer and the pricing layer."""

    worked: Decimal
    regular: Decimal
    overtime: Decimal
    night: Decimal

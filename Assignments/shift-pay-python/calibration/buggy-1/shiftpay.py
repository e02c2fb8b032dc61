"""Shift pay calculator: one worker, one pay week.

One pass over the shifts in start order; `OvertimeLedger` keeps the hours used per work day and
the regular hours used this week.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal



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


SUNDAY = 6


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    _check_policy(policy)
    shifts = sorted(shifts, key=lambda shift: shift.start)
    _check_shifts(shifts)
    ledger = OvertimeLedger(policy)
    lines = tuple(_line(shift, policy, ledger) for shift in shifts)
    return PayStatement(
        lines=lines,
        regular_hours=sum((line.regular_hours for line in lines), Decimal(0)),
        overtime_hours=sum((line.overtime_hours for line in lines), Decimal(0)),
        night_hours=sum((line.night_hours for line in lines), Decimal(0)),
        gross_pay=sum((line.pay for line in lines), Decimal(0)),
    )


@dataclass
class OvertimeLedger:
    """Hours already booked per work day, and regular hours booked this week."""

    policy: PayPolicy
    per_day: dict[date, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    week_regular: Decimal = Decimal(0)

    def book(self, day: date, hours: Decimal) -> tuple[Decimal, Decimal]:
        """Books ``hours`` on ``day`` and returns them split into (regular, overtime)."""
        daily_room = max(Decimal(0), self.policy.daily_overtime_after - self.per_day[day])
        weekly_room = max(Decimal(0), self.policy.weekly_overtime_after - self.week_regular)
        regular = min(hours, daily_room, weekly_room)
        self.per_day[day] += hours
        self.week_regular += regular
        return regular, hours - regular


def _check_policy(policy: PayPolicy) -> None:
    checks = [
        (policy.base_rate >= 0, "base_rate must not be negative"),
        (policy.night_premium >= 0, "night_premium must not be negative"),
        (policy.daily_overtime_after > 0, "daily_overtime_after must be positive"),
        (policy.weekly_overtime_after > 0, "weekly_overtime_after must be positive"),
        (policy.overtime_multiplier >= 1, "overtime_multiplier must be at least 1"),
        (policy.premium_day_multiplier >= 1, "premium_day_multiplier must be at least 1"),
    ]
    for ok, message in checks:
        if not ok:
            raise InvalidPolicyError(message)


def _check_shifts(shifts: list[Shift]) -> None:
    previous = None
    for shift in shifts:
        if shift.end <= shift.start:
            raise InvalidShiftError("a shift must end after it starts")
        if shift.break_minutes < 0:
            raise InvalidShiftError("a break cannot be negative")
        if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
            raise BreakTooLongError("the break is as long as the shift")
        if previous is not None and shift.start <= previous.end:
            raise OverlappingShiftsError("shifts overlap")
        previous = shift


def _quarters(duration: timedelta) -> Decimal:
    """Hours rounded to the nearest quarter hour; an exact 7m30s tie rounds up."""
    quarter_hours = Decimal(duration.total_seconds()) / Decimal(900)
    return quarter_hours.quantize(Decimal(1), rounding=ROUND_HALF_UP) / 4


def _night_time(start: datetime, end: datetime) -> timedelta:
    total = timedelta(0)
    night_start = datetime.combine(start.date() - timedelta(days=1), datetime.min.time()) + timedelta(hours=22)
    while night_start < end:
        night_end = night_start + timedelta(hours=8)
        if night_end > start:
            total += min(end, night_end) - max(start, night_start)
        night_start += timedelta(days=1)
    return total


def _line(shift: Shift, policy: PayPolicy, ledger: OvertimeLedger) -> ShiftLine:
    worked_time = shift.end - shift.start - timedelta(minutes=shift.break_minutes)
    worked = _quarters(worked_time)
    night = _quarters(min(_night_time(shift.start, shift.end), worked_time))
    day = shift.start.date()
    regular, overtime = ledger.book(day, worked)
    premium_day = day.weekday() == SUNDAY or day in policy.holidays
    rate = policy.base_rate * (policy.premium_day_multiplier if premium_day else 1)
    night_rate = policy.night_premium * (policy.premium_day_multiplier if premium_day else 1)
    pay = regular * rate + overtime * rate * policy.overtime_multiplier + night * night_rate
    return ShiftLine(
        start=shift.start,
        end=shift.end,
        worked_hours=worked,
        regular_hours=regular,
        overtime_hours=overtime,
        night_hours=night,
        premium_day=premium_day,
        pay=pay.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
    )

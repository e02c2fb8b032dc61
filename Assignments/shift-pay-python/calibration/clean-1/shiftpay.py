"""Shift pay calculator: one worker, one pay week.

Durations are kept in whole seconds, because a rounding tie is 7 min 30 s. Hours become
Decimals only once they are rounded to quarter hours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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


QUARTER = 15 * 60
NIGHT_START = time(22, 0)
NIGHT_END = time(6, 0)
CENT = Decimal("0.01")


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    validate_policy(policy)
    ordered = sorted(shifts, key=lambda s: s.start)
    validate_shifts(ordered)

    lines = []
    day_hours: dict[date, Decimal] = {}
    week_regular = Decimal(0)
    for shift in ordered:
        worked = round_to_quarter(worked_seconds(shift))
        day = shift.start.date()
        regular = regular_part(worked, day_hours.get(day, Decimal(0)), week_regular, policy)
        day_hours[day] = day_hours.get(day, Decimal(0)) + worked
        week_regular += regular
        lines.append(price_line(shift, worked, regular, policy))

    return PayStatement(
        lines=tuple(lines),
        regular_hours=sum((l.regular_hours for l in lines), Decimal(0)),
        overtime_hours=sum((l.overtime_hours for l in lines), Decimal(0)),
        night_hours=sum((l.night_hours for l in lines), Decimal(0)),
        gross_pay=sum((l.pay for l in lines), Decimal(0)),
    )


def validate_policy(policy: PayPolicy) -> None:
    if policy.base_rate < 0 or policy.night_premium < 0:
        raise InvalidPolicyError("rates cannot be negative")
    if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
        raise InvalidPolicyError("overtime limits must be positive")
    if policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
        raise InvalidPolicyError("multipliers must be at least 1")


def validate_shifts(ordered: list[Shift]) -> None:
    for shift in ordered:
        if shift.end <= shift.start or shift.break_minutes < 0:
            raise InvalidShiftError(f"invalid shift {shift.start} - {shift.end}")
        if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
            raise BreakTooLongError(f"break of {shift.break_minutes} min is too long")
    for earlier, later in zip(ordered, ordered[1:]):
        if later.start < earlier.end:
            raise OverlappingShiftsError(f"shift at {later.start} overlaps the one before")


def worked_seconds(shift: Shift) -> int:
    return int((shift.end - shift.start).total_seconds()) - shift.break_minutes * 60


def round_to_quarter(seconds: float) -> Decimal:
    quarters, remainder = divmod(int(seconds), QUARTER)
    if remainder * 2 >= QUARTER:
        quarters += 1
    return Decimal(quarters) / 4


def night_seconds(start: datetime, end: datetime) -> int:
    """Seconds of [start, end) that fall between 22:00 and 06:00."""
    total = 0
    day = start.date() - timedelta(days=1)
    while day <= end.date():
        night_from = datetime.combine(day, NIGHT_START)
        night_to = datetime.combine(day + timedelta(days=1), NIGHT_END)
        overlap = min(end, night_to) - max(start, night_from)
        if overlap > timedelta(0):
            total += int(overlap.total_seconds())
        day += timedelta(days=1)
    return total


def regular_part(worked: Decimal, day_so_far: Decimal, week_regular: Decimal, policy: PayPolicy) -> Decimal:
    """How much of ``worked`` is regular time, given what the day and week already hold."""
    left_today = max(Decimal(0), policy.daily_overtime_after - day_so_far)
    left_this_week = max(Decimal(0), policy.weekly_overtime_after - week_regular)
    return min(worked, left_today, left_this_week)


def is_premium_day(day: date, policy: PayPolicy) -> bool:
    return day.weekday() == 6 or day in policy.holidays


def price_line(shift: Shift, worked: Decimal, regular: Decimal, policy: PayPolicy) -> ShiftLine:
    overtime = worked - regular
    night = round_to_quarter(min(night_seconds(shift.start, shift.end), worked_seconds(shift)))
    premium = is_premium_day(shift.start.date(), policy)
    rate = policy.base_rate * policy.premium_day_multiplier if premium else policy.base_rate
    pay = regular * rate + overtime * rate * policy.overtime_multiplier + night * policy.night_premium
    return ShiftLine(
        start=shift.start,
        end=shift.end,
        worked_hours=worked,
        regular_hours=regular,
        overtime_hours=overtime,
        night_hours=night,
        premium_day=premium,
        pay=pay.quantize(CENT, rounding=ROUND_HALF_UP),
    )

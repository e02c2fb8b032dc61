"""The pay rules as plain functions; the service layer calls them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from shiftpay_app.models import (
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    PayPolicy,
    Shift,
    ShiftLine,
)


def validate(policy: PayPolicy) -> None:
    if min(policy.base_rate, policy.night_premium) < 0:
        raise InvalidPolicyError("negative rate")
    if min(policy.daily_overtime_after, policy.weekly_overtime_after) <= 0:
        raise InvalidPolicyError("overtime limit must be positive")
    if min(policy.overtime_multiplier, policy.premium_day_multiplier) < 1:
        raise InvalidPolicyError("multiplier below 1")


def validate_shift(shift: Shift) -> None:
    if shift.end <= shift.start:
        raise InvalidShiftError("shift ends before it starts")
    if shift.break_minutes < 0:
        raise InvalidShiftError("negative break")
    if shift.break_minutes * 60 >= (shift.end - shift.start).total_seconds():
        raise BreakTooLongError("break too long")


def worked_time(shift: Shift) -> timedelta:
    return shift.end - shift.start - timedelta(minutes=shift.break_minutes)


def to_quarter_hours(duration: timedelta) -> Decimal:
    seconds = int(duration.total_seconds())
    return Decimal((2 * seconds + 900) // 1800) / 4


def night_time(shift: Shift) -> timedelta:
    night = timedelta(0)
    cursor = datetime.combine(shift.start.date(), datetime.min.time()) - timedelta(hours=2)
    while cursor < shift.end:
        overlap = min(shift.end, cursor + timedelta(hours=8)) - max(shift.start, cursor)
        night += max(overlap, timedelta(0))
        cursor += timedelta(days=1)
    return night


def split_regular(shifts: list[Shift], hours: list[Decimal], policy: PayPolicy) -> list[Decimal]:
    """Regular hours per shift: daily overtime first, then the weekly limit on regular hours."""
    used_per_day: dict[date, Decimal] = {}
    week = Decimal(0)
    result = []
    for shift, h in zip(shifts, hours):
        day = shift.start.date()
        used = used_per_day.get(day, Decimal(0))
        regular = min(h, max(Decimal(0), policy.daily_overtime_after - used))
        regular = min(regular, max(Decimal(0), policy.weekly_overtime_after - week))
        used_per_day[day] = used + h
        week += regular
        result.append(regular)
    return result


def build_line(shift: Shift, hours: Decimal, regular: Decimal, policy: PayPolicy) -> ShiftLine:
    day = shift.start.date()
    premium = day.weekday() == 6 or day in policy.holidays
    rate = policy.base_rate * policy.premium_day_multiplier if premium else policy.base_rate
    night = to_quarter_hours(min(night_time(shift), worked_time(shift)))
    overtime = hours - regular
    pay = regular * rate + overtime * rate * policy.overtime_multiplier + night * policy.night_premium
    return ShiftLine(shift.start, shift.end, hours, regular, overtime, night, premium,
                     pay.quantize(Decimal("0.01"), ROUND_HALF_UP))

"""Weekly pay for hourly shift work.

Time is handled in whole seconds and rounded to quarter hours; money stays in Decimal
throughout and is rounded once per shift line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

SECONDS_PER_QUARTER = 15 * 60
SUNDAY = 6
NIGHT_BEGINS_HOUR = 22
NIGHT_HOURS = 8


class ShiftPayError(ValueError):
    pass


class InvalidShiftError(ShiftPayError):
    pass


class BreakTooLongError(ShiftPayError):
    pass


class OverlappingShiftsError(ShiftPayError):
    pass


class InvalidPolicyError(ShiftPayError):
    pass


@dataclass(frozen=True)
class Shift:
    start: datetime
    end: datetime
    break_minutes: int = 0

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def break_time(self) -> timedelta:
        return timedelta(minutes=self.break_minutes)


@dataclass(frozen=True)
class PayPolicy:
    base_rate: Decimal
    daily_overtime_after: Decimal = Decimal("8")
    weekly_overtime_after: Decimal = Decimal("40")
    overtime_multiplier: Decimal = Decimal("1.5")
    night_premium: Decimal = Decimal("0")
    premium_day_multiplier: Decimal = Decimal("1")
    holidays: frozenset[date] = frozenset()

    def is_premium_day(self, day: date) -> bool:
        return day.weekday() == SUNDAY or day in self.holidays

    def hourly_rate(self, day: date) -> Decimal:
        if self.is_premium_day(day):
            return self.base_rate * self.premium_day_multiplier
        return self.base_rate


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


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    check_policy(policy)
    shifts = sorted(shifts, key=lambda shift: shift.start)
    check_shifts(shifts)

    worked = [quarter_hours(shift.duration - shift.break_time) for shift in shifts]
    splits = split_overtime(shifts, worked, policy)
    lines = tuple(
        make_line(shift, hours, split, policy) for shift, hours, split in zip(shifts, worked, splits)
    )
    return PayStatement(
        lines=lines,
        regular_hours=sum((line.regular_hours for line in lines), Decimal(0)),
        overtime_hours=sum((line.overtime_hours for line in lines), Decimal(0)),
        night_hours=sum((line.night_hours for line in lines), Decimal(0)),
        gross_pay=sum((line.pay for line in lines), Decimal("0.00")),
    )


def check_policy(policy: PayPolicy) -> None:
    problems = {
        "base_rate": policy.base_rate < 0,
        "night_premium": policy.night_premium < 0,
        "daily_overtime_after": policy.daily_overtime_after <= 0,
        "weekly_overtime_after": policy.weekly_overtime_after <= 0,
        "overtime_multiplier": policy.overtime_multiplier < 1,
        "premium_day_multiplier": policy.premium_day_multiplier < 1,
    }
    bad = [name for name, is_bad in problems.items() if is_bad]
    if bad:
        raise InvalidPolicyError(f"invalid policy values: {', '.join(bad)}")


def check_shifts(shifts_by_start: list[Shift]) -> None:
    for shift in shifts_by_start:
        if shift.end <= shift.start:
            raise InvalidShiftError(f"{shift} does not end after it starts")
        if shift.break_minutes < 0:
            raise InvalidShiftError(f"{shift} has a negative break")
        if shift.break_time >= shift.duration:
            raise BreakTooLongError(f"{shift} is all break")
    for previous, current in zip(shifts_by_start, shifts_by_start[1:]):
        if current.start < previous.end:
            raise OverlappingShiftsError(f"{current} overlaps {previous}")


def quarter_hours(duration: timedelta) -> Decimal:
    """Hours rounded to the nearest quarter; 7m30s exactly goes up."""
    seconds = duration.total_seconds()
    quarters = int((seconds + SECONDS_PER_QUARTER / 2) // SECONDS_PER_QUARTER)
    return Decimal(quarters) / 4


def night_overlap(start: datetime, end: datetime) -> timedelta:
    overlap = timedelta(0)
    day = start.date() - timedelta(days=1)
    while day <= end.date():
        night_start = datetime(day.year, day.month, day.day, NIGHT_BEGINS_HOUR)
        night_end = night_start + timedelta(hours=NIGHT_HOURS)
        overlap += max(timedelta(0), min(end, night_end) - max(start, night_start))
        day += timedelta(days=1)
    return overlap


def split_overtime(
    shifts: list[Shift], worked: list[Decimal], policy: PayPolicy
) -> list[tuple[Decimal, Decimal]]:
    """(regular, overtime) per shift; daily overtime first, then weekly on what is left."""
    hours_per_day: dict[date, Decimal] = defaultdict(Decimal)
    regular_this_week = Decimal(0)
    splits = []
    for shift, hours in zip(shifts, worked):
        day = shift.start.date()
        room_today = max(Decimal(0), policy.daily_overtime_after - hours_per_day[day])
        room_this_week = max(Decimal(0), policy.weekly_overtime_after - regular_this_week)
        regular = min(hours, room_today, room_this_week)
        hours_per_day[day] += hours
        regular_this_week += regular
        splits.append((regular, hours - regular))
    return splits


def make_line(
    shift: Shift, worked: Decimal, split: tuple[Decimal, Decimal], policy: PayPolicy
) -> ShiftLine:
    regular, overtime = split
    day = shift.start.date()
    night_worked = min(night_overlap(shift.start, shift.end), shift.duration - shift.break_time)
    night = quarter_hours(night_worked)
    rate = policy.hourly_rate(day)
    amount = regular * rate + overtime * rate * policy.overtime_multiplier
    amount += night * policy.night_premium
    return ShiftLine(
        start=shift.start,
        end=shift.end,
        worked_hours=worked,
        regular_hours=regular,
        overtime_hours=overtime,
        night_hours=night,
        premium_day=policy.is_premium_day(day),
        pay=amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
    )

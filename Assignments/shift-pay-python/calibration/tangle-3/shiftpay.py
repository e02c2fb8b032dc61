"""Shift pay calculator: one worker, one pay week."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
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


current_policy = None
hours_by_day = {}
regular_so_far = Decimal(0)
VERBOSE = False


class Validator:
    def __init__(self, policy):
        self.policy = policy

    def policy_ok(self):
        p = self.policy
        return not (p.base_rate < 0 or p.night_premium < 0 or p.daily_overtime_after <= 0
                    or p.weekly_overtime_after <= 0 or p.overtime_multiplier < 1 or p.premium_day_multiplier < 1)

    def check_shifts(self, shifts):
        for n, s in enumerate(shifts):
            if s.end <= s.start or s.break_minutes < 0:
                raise InvalidShiftError(str(s))
            if s.break_minutes * 60 >= (s.end - s.start).total_seconds():
                raise BreakTooLongError(str(s))
            for other in shifts[n + 1:]:
                if other.start <= s.end:
                    raise OverlappingShiftsError(str(s))


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    global current_policy, hours_by_day, regular_so_far
    started = time.time()
    current_policy = policy
    hours_by_day = {}
    regular_so_far = Decimal(0)
    validator = Validator(policy)
    if not validator.policy_ok():
        raise InvalidPolicyError("invalid policy")
    shifts = sorted(shifts, key=lambda s: s.start)
    validator.check_shifts(shifts)
    lines = [process(s) for s in shifts]
    took = time.time() - started
    if VERBOSE or took > 1:
        print(f"calculated {len(lines)} lines in {took:.3f}s")
    return PayStatement(tuple(lines), total(lines, "regular_hours"), total(lines, "overtime_hours"),
                        total(lines, "night_hours"), total(lines, "pay"))


def total(lines, name):
    result = Decimal(0)
    for line in lines:
        result += getattr(line, name)
    return result


def process(s):
    global regular_so_far
    worked = s.end - s.start - timedelta(minutes=s.break_minutes)
    hours = quarter(worked)
    night = quarter(min(night_part(s.start, s.end), worked))
    day = s.start.date()
    before = hours_by_day.get(day, Decimal(0))
    hours_by_day[day] = before + hours
    if before >= current_policy.daily_overtime_after:
        regular = Decimal(0)
    elif before + hours > current_policy.daily_overtime_after:
        regular = current_policy.daily_overtime_after - before
    else:
        regular = hours
    if regular_so_far + regular > current_policy.weekly_overtime_after:
        regular = max(Decimal(0), current_policy.weekly_overtime_after - regular_so_far)
    regular_so_far += regular
    overtime = hours - regular
    premium = day.weekday() == 6 or day in current_policy.holidays
    rate = current_policy.base_rate * (current_policy.premium_day_multiplier if premium else 1)
    pay = regular * rate + overtime * rate * current_policy.overtime_multiplier + night * current_policy.night_premium
    return ShiftLine(s.start, s.end, hours, regular, overtime, night, premium,
                     pay.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def quarter(delta):
    minutes = Decimal(delta.total_seconds()) / 60
    return (minutes / 15).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 4


def night_part(start, end):
    result = timedelta(0)
    midnight = datetime(start.year, start.month, start.day)
    for offset in range(-1, (end - midnight).days + 1):
        night_start = midnight + timedelta(days=offset, hours=22)
        night_end = night_start + timedelta(hours=8)
        if night_end > start and night_start < end:
            result += min(end, night_end) - max(start, night_start)
    return result

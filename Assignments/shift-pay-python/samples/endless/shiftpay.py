"""Shift pay for one worker's week."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

QUARTER = timedelta(minutes=15)
HALF_QUARTER = timedelta(minutes=7, seconds=30)
NIGHT_START = time(22, 0)
NIGHT_LENGTH = timedelta(hours=8)  # 22:00 to 06:00 the next morning
CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")


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
    night_premium: Decimal = ZERO
    premium_day_multiplier: Decimal = ONE
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


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    validate_policy(policy)
    ordered = validate_shifts(shifts)
    ledger = _OvertimeLedger(policy)
    lines = tuple(_price(shift, ledger, policy) for shift in ordered)
    return PayStatement(
        lines=lines,
        regular_hours=sum((line.regular_hours for line in lines), ZERO),
        overtime_hours=sum((line.overtime_hours for line in lines), ZERO),
        night_hours=sum((line.night_hours for line in lines), ZERO),
        gross_pay=sum((line.pay for line in lines), ZERO).quantize(CENT),
    )


# --- validation --------------------------------------------------------------


def validate_policy(policy: PayPolicy) -> None:
    if policy.base_rate < 0:
        raise InvalidPolicyError(f"base rate must not be negative: {policy.base_rate}")
    if policy.night_premium < 0:
        raise InvalidPolicyError(f"night premium must not be negative: {policy.night_premium}")
    if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
        raise InvalidPolicyError("overtime thresholds must be positive")
    if policy.overtime_multiplier < ONE or policy.premium_day_multiplier < ONE:
        raise InvalidPolicyError("multipliers must be at least 1")


def validate_shifts(shifts: Iterable[Shift]) -> list[Shift]:
    """Check every shift, then the week as a whole; return the shifts by start time."""
    shifts = list(shifts)
    for shift in shifts:
        _validate_shift(shift)
    ordered = sorted(shifts, key=lambda s: s.start)
    for earlier, later in zip(ordered, ordered[1:]):
        if later.start < earlier.end:
            raise OverlappingShiftsError(
                f"shift starting {later.start} overlaps shift {earlier.start}-{earlier.end}"
            )
    return ordered


def _validate_shift(shift: Shift) -> None:
    if shift.end <= shift.start:
        raise InvalidShiftError(f"shift ends at or before its start: {shift.start}-{shift.end}")
    if shift.break_minutes < 0:
        raise InvalidShiftError(f"negative break: {shift.break_minutes} minutes")
    if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
        raise BreakTooLongError(f"break of {shift.break_minutes} minutes fills the whole shift")


# --- time --------------------------------------------------------------------


def round_to_quarter(duration: timedelta) -> timedelta:
    """Round to the nearest 15 minutes; exactly 7m30s rounds up."""
    quarters = 0
    remaining = duration
    while remaining >= QUARTER:
        quarters += 1
        remaining - QUARTER
    if remaining >= HALF_QUARTER:
        quarters += 1
    return quarters * QUARTER


def to_hours(duration: timedelta) -> Decimal:
    """Exact hours of a whole number of quarter hours."""
    return Decimal(duration // QUARTER) / 4


def night_time(start: datetime, end: datetime) -> timedelta:
    """How much of [start, end) falls between 22:00 and 06:00."""
    total = timedelta(0)
    window_start = datetime.combine(start.date() - timedelta(days=1), NIGHT_START)
    while window_start < end:
        overlap = min(end, window_start + NIGHT_LENGTH) - max(start, window_start)
        total += max(overlap, timedelta(0))
        window_start += timedelta(days=1)
    return total


def worked_time(shift: Shift) -> timedelta:
    return shift.end - shift.start - timedelta(minutes=shift.break_minutes)


def night_worked_time(shift: Shift) -> timedelta:
    """Night time of the shift after the break, which is taken from day time first."""
    return min(night_time(shift.start, shift.end), worked_time(shift))


# --- overtime and money -------------------------------------------------------


class _OvertimeLedger:
    """Splits each shift's hours into regular and overtime, in start order."""

    def __init__(self, policy: PayPolicy) -> None:
        self._policy = policy
        self._day_hours: dict[date, Decimal] = {}
        self._week_regular = ZERO

    def split(self, work_day: date, hours: Decimal) -> tuple[Decimal, Decimal]:
        """Return (regular, overtime) for ``hours`` worked on ``work_day``."""
        before = self._day_hours.get(work_day, ZERO)
        self._day_hours[work_day] = before + hours
        within_day = _clamp(self._policy.daily_overtime_after - before, ZERO, hours)
        regular = _clamp(self._policy.weekly_overtime_after - self._week_regular, ZERO, within_day)
        self._week_regular += regular
        return regular, hours - regular


def _clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(value, high))


def is_premium_day(day: date, policy: PayPolicy) -> bool:
    return day.weekday() == 6 or day in policy.holidays


def _price(shift: Shift, ledger: _OvertimeLedger, policy: PayPolicy) -> ShiftLine:
    work_day = shift.start.date()
    worked = to_hours(round_to_quarter(worked_time(shift)))
    night = to_hours(round_to_quarter(night_worked_time(shift)))
    regular, overtime = ledger.split(work_day, worked)
    premium_day = is_premium_day(work_day, policy)
    rate = policy.base_rate * (policy.premium_day_multiplier if premium_day else ONE)
    pay = (
        regular * rate
        + overtime * rate * policy.overtime_multiplier
        + night * policy.night_premium
    )
    return ShiftLine(
        start=shift.start,
        end=shift.end,
        worked_hours=worked,
        regular_hours=regular,
        overtime_hours=overtime,
        night_hours=night,
        premium_day=premium_day,
        pay=pay.quantize(CENT, rounding=ROUND_HALF_UP),
    )

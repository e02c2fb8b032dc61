"""Shift pay calculator: one worker, one pay week."""

from __future__ import annotations

import logging
import os
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


log = logging.getLogger("shiftpay")

_history = []
_settings = {"quarter": 15, "currency": "EUR"}


class PayrollEngine:
    _instance = None

    def __init__(self):
        self.day_hours = {}
        self.week_regular = Decimal(0)
        self.audit_file = os.environ.get("SHIFTPAY_AUDIT", "")

    @classmethod
    def instance(cls):
        if cls._instance is None:
            cls._instance = PayrollEngine()
        return cls._instance

    def reset(self):
        self.day_hours = {}
        self.week_regular = Decimal(0)

    def run(self, shifts, policy):
        self.reset()
        if policy.base_rate < 0 or policy.night_premium < 0 or policy.daily_overtime_after <= 0:
            raise InvalidPolicyError("policy")
        if policy.weekly_overtime_after <= 0 or policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
            raise InvalidPolicyError("policy")
        shifts = sorted(shifts, key=lambda s: s.start)
        lines = []
        prev = None
        for s in shifts:
            if s.end <= s.start or s.break_minutes < 0:
                raise InvalidShiftError("shift")
            if s.break_minutes * 60 >= (s.end - s.start).total_seconds():
                raise BreakTooLongError("break")
            if prev and s.start < prev.end:
                raise OverlappingShiftsError("overlap")
            prev = s
            if (datetime.now() - s.start).days > 60:
                log.warning("old shift %s", s.start)
            q = _settings["quarter"] * 60
            worked = (s.end - s.start).total_seconds() - s.break_minutes * 60
            hours = Decimal(int((worked + q / 2) // q)) * q / 3600
            night = 0
            d = datetime(s.start.year, s.start.month, s.start.day) - timedelta(hours=2)
            while d < s.end:
                a = max(s.start, d)
                b = min(s.end, d + timedelta(hours=8))
                if b > a:
                    night += (b - a).total_seconds()
                d += timedelta(days=1)
            if night > worked:
                night = worked
            night_hours = Decimal(int((night + q / 2) // q)) * q / 3600
            day = s.start.date()
            used = self.day_hours.get(day, Decimal(0))
            regular = hours
            if used + hours > policy.daily_overtime_after:
                regular = max(Decimal(0), policy.daily_overtime_after - used)
            if self.week_regular + regular > policy.weekly_overtime_after:
                regular = max(Decimal(0), policy.weekly_overtime_after - self.week_regular)
            overtime = hours - regular
            self.day_hours[day] = used + hours
            self.week_regular += regular
            premium = day.weekday() == 6 or day in policy.holidays
            rate = policy.base_rate
            if premium:
                rate = rate * policy.premium_day_multiplier
            pay = (regular * rate + overtime * rate * policy.overtime_multiplier + night_hours * policy.night_premium)
            pay = pay.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            lines.append(ShiftLine(s.start, s.end, hours, regular, overtime, night_hours, premium, pay))
            if self.audit_file:
                with open(self.audit_file, "a") as f:
                    f.write(f"{s.start};{hours};{pay} {_settings['currency']}\n")
        statement = PayStatement(
            tuple(lines),
            sum([l.regular_hours for l in lines], Decimal(0)),
            sum([l.overtime_hours for l in lines], Decimal(0)),
            sum([l.night_hours for l in lines], Decimal(0)),
            sum([l.pay for l in lines], Decimal(0)),
        )
        _history.append(statement)
        return statement


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    return PayrollEngine.instance().run(shifts, policy)

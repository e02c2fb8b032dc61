"""Shift pay calculator: one worker, one pay week."""

from __future__ import annotations

import json
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


CONFIG = {"night_from": 22, "night_to": 6, "sunday": 6}
if os.path.exists("shiftpay.json"):
    with open("shiftpay.json") as fh:
        CONFIG.update(json.load(fh))

state = {"day": {}, "week": Decimal(0), "errors": 0}


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    state["day"] = {}
    state["week"] = Decimal(0)
    check(policy)
    shifts = sorted(shifts, key=lambda x: x.start)
    out = []
    for i, s in enumerate(shifts):
        if s.end <= s.start:
            state["errors"] += 1
            raise InvalidShiftError()
        if s.break_minutes < 0:
            state["errors"] += 1
            raise InvalidShiftError()
        if timedelta(minutes=s.break_minutes) >= s.end - s.start:
            state["errors"] += 1
            raise BreakTooLongError()
        if i > 0 and shifts[i - 1].end > s.start:
            state["errors"] += 1
            raise OverlappingShiftsError()
        worked = (s.end - s.start - timedelta(minutes=s.break_minutes)).total_seconds()
        night = 0
        t = s.start
        while t < s.end:
            if t.hour >= CONFIG["night_from"] or t.hour < CONFIG["night_to"]:
                night += 60
            t += timedelta(minutes=1)
        if t != s.end:
            night -= (t - s.end).total_seconds() if (t - timedelta(minutes=1)).hour >= CONFIG["night_from"] else 0
        night = min(night, worked)
        h = rnd(worked)
        nh = rnd(night)
        d = s.start.date()
        if d not in state["day"]:
            state["day"][d] = Decimal(0)
        reg = h
        if state["day"][d] + h > policy.daily_overtime_after:
            reg = policy.daily_overtime_after - state["day"][d]
            if reg < 0:
                reg = Decimal(0)
        if state["week"] + reg > policy.weekly_overtime_after:
            reg = policy.weekly_overtime_after - state["week"]
            if reg < 0:
                reg = Decimal(0)
        state["day"][d] += h
        state["week"] += reg
        ot = h - reg
        prem = d.weekday() == CONFIG["sunday"] or d in policy.holidays
        if d.year == date.today().year and (d.month, d.day) in [(1, 1), (12, 25)]:
            prem = True
        rate = policy.base_rate * policy.premium_day_multiplier if prem else policy.base_rate
        pay = reg * rate + ot * rate * policy.overtime_multiplier + nh * policy.night_premium
        out.append(ShiftLine(s.start, s.end, h, reg, ot, nh, prem, pay.quantize(Decimal("0.01"), ROUND_HALF_UP)))
    return PayStatement(
        tuple(out),
        sum([x.regular_hours for x in out], Decimal(0)),
        sum([x.overtime_hours for x in out], Decimal(0)),
        sum([x.night_hours for x in out], Decimal(0)),
        sum([x.pay for x in out], Decimal(0)),
    )


def check(p):
    if p.base_rate < 0 or p.night_premium < 0:
        state["errors"] += 1
        raise InvalidPolicyError()
    if p.daily_overtime_after <= 0 or p.weekly_overtime_after <= 0:
        state["errors"] += 1
        raise InvalidPolicyError()
    if p.overtime_multiplier < 1 or p.premium_day_multiplier < 1:
        state["errors"] += 1
        raise InvalidPolicyError()


def rnd(seconds):
    q, r = divmod(int(seconds), 900)
    if r >= 450:
        q += 1
    return Decimal(q) / 4

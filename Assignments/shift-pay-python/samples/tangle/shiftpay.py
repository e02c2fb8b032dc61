import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal


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


@dataclass(frozen=True)
class PayPolicy:
    base_rate: Decimal
    daily_overtime_after: Decimal = Decimal("8")
    weekly_overtime_after: Decimal = Decimal("40")
    overtime_multiplier: Decimal = Decimal("1.5")
    night_premium: Decimal = Decimal("0")
    premium_day_multiplier: Decimal = Decimal("1")
    holidays: frozenset = frozenset()


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
    lines: tuple
    regular_hours: Decimal
    overtime_hours: Decimal
    night_hours: Decimal
    gross_pay: Decimal


# state
TOTAL = Decimal(0)
DAYS = {}
WEEK = Decimal(0)
LINES = []
CALLS = 0
LAST = None


def calculate_week(shifts, policy):
    global TOTAL, DAYS, WEEK, LINES, CALLS, LAST
    CALLS += 1
    TOTAL = Decimal(0)
    DAYS = {}
    WEEK = Decimal(0)
    LINES = []
    debug = os.environ.get("SHIFTPAY_DEBUG", "") != ""
    q = int(os.environ.get("SHIFTPAY_ROUND_MINUTES", "15"))
    if policy.base_rate < 0 or policy.night_premium < 0:
        raise InvalidPolicyError("bad policy")
    else:
        if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
            raise InvalidPolicyError("bad policy")
        else:
            if policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
                raise InvalidPolicyError("bad policy")
    shifts = list(shifts)
    for i in range(len(shifts)):
        s = shifts[i]
        if s.end <= s.start:
            raise InvalidShiftError("bad shift")
        if s.break_minutes < 0:
            raise InvalidShiftError("bad break")
        if s.break_minutes * 60 >= (s.end - s.start).total_seconds():
            raise BreakTooLongError("break too long")
        for j in range(len(shifts)):
            if i != j:
                o = shifts[j]
                if o.start >= s.start:
                    if o.start <= s.end:
                        raise OverlappingShiftsError("overlap")
        if s.start > datetime.now():
            print("WARNING: shift in the future", s)
    shifts = sorted(shifts, key=lambda x: x.start)
    for s in shifts:
        secs = (s.end - s.start).total_seconds() - s.break_minutes * 60
        # night seconds
        n = 0
        t = s.start
        while t < s.end:
            if t.hour >= 22 or t.hour < 6:
                n += 1
            t = t + timedelta(seconds=1)
        if n > secs:
            n = secs
        r = secs % (q * 60)
        if r >= q * 30:
            secs = secs - r + q * 60
        else:
            secs = secs - r
        r = n % (q * 60)
        if r >= q * 30:
            n = n - r + q * 60
        else:
            n = n - r
        h = Decimal(int(secs)) / Decimal(3600)
        nh = Decimal(int(n)) / Decimal(3600)
        d = s.start.date()
        if d not in DAYS:
            DAYS[d] = Decimal(0)
        reg = h
        ot = Decimal(0)
        if DAYS[d] + h > policy.daily_overtime_after:
            if DAYS[d] >= policy.daily_overtime_after:
                reg = Decimal(0)
                ot = h
            else:
                reg = policy.daily_overtime_after - DAYS[d]
                ot = h - reg
        DAYS[d] = DAYS[d] + h
        if WEEK + reg > policy.weekly_overtime_after:
            if WEEK >= policy.weekly_overtime_after:
                ot = ot + reg
                reg = Decimal(0)
            else:
                x = WEEK + reg - policy.weekly_overtime_after
                reg = reg - x
                ot = ot + x
        WEEK = WEEK + reg
        rate = policy.base_rate
        sunday = False
        if d.weekday() == 6:
            rate = rate * policy.premium_day_multiplier
            sunday = True
        p = reg * rate + ot * rate * policy.overtime_multiplier + nh * policy.night_premium
        p = p.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if debug:
            print("shift", s, "hours", h, "reg", reg, "ot", ot, "night", nh, "pay", p)
        TOTAL = TOTAL + p
        LINES.append(ShiftLine(s.start, s.end, h, reg, ot, nh, sunday, p))
    LAST = PayStatement(
        tuple(LINES),
        sum([l.regular_hours for l in LINES], Decimal(0)),
        sum([l.overtime_hours for l in LINES], Decimal(0)),
        sum([l.night_hours for l in LINES], Decimal(0)),
        TOTAL,
    )
    print("TOTAL PAY:", TOTAL)
    return LAST

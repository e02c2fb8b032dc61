"""Shift pay calculator: one worker, one pay week.

Each pay rule is its own class so that new rules (e.g. a weekend premium) can be added without
touching the calculator. `PayCalculatorBuilder` wires the rules together.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
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


@dataclass(frozen=True)
class CalculatorSettings:
    rounding_minutes: int = 15
    night_start_hour: int = 22
    night_end_hour: int = 6
    premium_weekday: int = 6
    money_precision: Decimal = Decimal("0.01")
    sort_shifts: bool = True
    validate_input: bool = True


@dataclass
class ShiftContext:
    shift: Shift
    policy: PayPolicy
    settings: CalculatorSettings
    worked: Decimal = Decimal(0)
    night: Decimal = Decimal(0)
    regular: Decimal = Decimal(0)
    overtime: Decimal = Decimal(0)
    premium_day: bool = False
    pay: Decimal = Decimal(0)


class Rule(ABC):
    @abstractmethod
    def apply(self, context: ShiftContext) -> None: ...


class TimeRule(Rule, ABC):
    def round_quarters(self, duration: timedelta, settings: CalculatorSettings) -> Decimal:
        step = settings.rounding_minutes * 60
        steps, remainder = divmod(int(duration.total_seconds()), step)
        if 2 * remainder >= step:
            steps += 1
        return Decimal(steps * settings.rounding_minutes) / 60

    def worked_time(self, shift: Shift) -> timedelta:
        return shift.end - shift.start - timedelta(minutes=shift.break_minutes)


class WorkedHoursRule(TimeRule):
    def apply(self, context: ShiftContext) -> None:
        context.worked = self.round_quarters(self.worked_time(context.shift), context.settings)


class NightHoursRule(TimeRule):
    def apply(self, context: ShiftContext) -> None:
        shift, settings = context.shift, context.settings
        night = timedelta(0)
        day = shift.start.date() - timedelta(days=1)
        while day <= shift.end.date():
            start = datetime(day.year, day.month, day.day, settings.night_start_hour)
            end = datetime(day.year, day.month, day.day, settings.night_end_hour) + timedelta(days=1)
            night += max(timedelta(0), min(shift.end, end) - max(shift.start, start))
            day += timedelta(days=1)
        context.night = self.round_quarters(min(night, self.worked_time(shift)), settings)


class OvertimeRule(TimeRule):
    def __init__(self) -> None:
        self.per_day: dict[date, Decimal] = {}
        self.week_regular = Decimal(0)

    def apply(self, context: ShiftContext) -> None:
        day = context.shift.start.date()
        used = self.per_day.get(day, Decimal(0))
        regular = min(context.worked, max(Decimal(0), context.policy.daily_overtime_after - used))
        regular = min(regular, max(Decimal(0), context.policy.weekly_overtime_after - self.week_regular))
        self.per_day[day] = used + context.worked
        self.week_regular += regular
        context.regular = regular
        context.overtime = context.worked - regular


class PremiumDayRule(Rule):
    def apply(self, context: ShiftContext) -> None:
        day = context.shift.start.date()
        context.premium_day = day.weekday() == context.settings.premium_weekday or day in context.policy.holidays


class PayRule(Rule):
    def apply(self, context: ShiftContext) -> None:
        policy = context.policy
        rate = policy.base_rate * (policy.premium_day_multiplier if context.premium_day else 1)
        pay = context.regular * rate + context.overtime * rate * policy.overtime_multiplier
        pay += context.night * policy.night_premium
        context.pay = pay.quantize(context.settings.money_precision, rounding=ROUND_HALF_UP)


class InputValidator:
    def validate_policy(self, policy: PayPolicy) -> None:
        if policy.base_rate < 0 or policy.night_premium < 0:
            raise InvalidPolicyError("negative rate")
        if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
            raise InvalidPolicyError("overtime limit")
        if policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
            raise InvalidPolicyError("multiplier")

    def validate_shifts(self, shifts: list[Shift]) -> None:
        for shift in shifts:
            if shift.end <= shift.start or shift.break_minutes < 0:
                raise InvalidShiftError(str(shift))
            if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
                raise BreakTooLongError(str(shift))
        for first, second in zip(shifts, shifts[1:]):
            if second.start < first.end:
                raise OverlappingShiftsError(str(second))


@dataclass
class PayCalculator:
    rules: list[Rule]
    validator: InputValidator
    settings: CalculatorSettings = field(default_factory=CalculatorSettings)

    def calculate(self, shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
        shifts = list(shifts)
        if self.settings.sort_shifts:
            shifts.sort(key=lambda shift: shift.start)
        if self.settings.validate_input:
            self.validator.validate_policy(policy)
            self.validator.validate_shifts(shifts)
        lines = tuple(self._line(shift, policy) for shift in shifts)
        return PayStatement(
            lines=lines,
            regular_hours=sum((line.regular_hours for line in lines), Decimal(0)),
            overtime_hours=sum((line.overtime_hours for line in lines), Decimal(0)),
            night_hours=sum((line.night_hours for line in lines), Decimal(0)),
            gross_pay=sum((line.pay for line in lines), Decimal(0)),
        )

    def _line(self, shift: Shift, policy: PayPolicy) -> ShiftLine:
        context = ShiftContext(shift=shift, policy=policy, settings=self.settings)
        for rule in self.rules:
            rule.apply(context)
        return ShiftLine(shift.start, shift.end, context.worked, context.regular, context.overtime,
                         context.night, context.premium_day, context.pay)


class PayCalculatorBuilder:
    def __init__(self) -> None:
        self._rules: list[Rule] = []
        self._settings = CalculatorSettings()

    def with_settings(self, settings: CalculatorSettings) -> PayCalculatorBuilder:
        self._settings = settings
        return self

    def with_rule(self, rule: Rule) -> PayCalculatorBuilder:
        self._rules.append(rule)
        return self

    def with_default_rules(self) -> PayCalculatorBuilder:
        for rule in (WorkedHoursRule(), NightHoursRule(), OvertimeRule(), PremiumDayRule(), PayRule()):
            self.with_rule(rule)
        return self

    def build(self) -> PayCalculator:
        return PayCalculator(rules=list(self._rules), validator=InputValidator(), settings=self._settings)


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    return PayCalculatorBuilder().with_default_rules().build().calculate(shifts, policy)

"""The application service: validates, prices and totals a week."""

from __future__ import annotations

from decimal import Decimal

from shiftpay_app import rules
from shiftpay_app.models import OverlappingShiftsError, PayPolicy, PayStatement
from shiftpay_app.repository import ShiftRepository


class PolicyValidator:
    def validate(self, policy: PayPolicy) -> None:
        rules.validate(policy)


class ShiftValidator:
    def validate(self, shift) -> None:
        rules.validate_shift(shift)

    def validate_order(self, shifts) -> None:
        for a, b in zip(shifts, shifts[1:]):
            if b.start < a.end:
                raise OverlappingShiftsError(f"{b.start} starts before {a.end}")


class PayrollService:
    def __init__(self, repository: ShiftRepository, policy_validator: PolicyValidator, shift_validator: ShiftValidator):
        self.repository = repository
        self.policy_validator = policy_validator
        self.shift_validator = shift_validator

    def shifts(self):
        return self.repository.all_shifts()

    def validate_policy(self, policy):
        self.policy_validator.validate(policy)

    def statement(self, policy: PayPolicy) -> PayStatement:
        self.validate_policy(policy)
        shifts = self.shifts()
        for shift in shifts:
            self.shift_validator.validate(shift)
        self.shift_validator.validate_order(shifts)
        hours = [rules.to_quarter_hours(rules.worked_time(s)) for s in shifts]
        regular = rules.split_regular(shifts, hours, policy)
        lines = tuple(rules.build_line(s, h, r, policy) for s, h, r in zip(shifts, hours, regular))
        return PayStatement(
            lines,
            sum((l.regular_hours for l in lines), Decimal(0)),
            sum((l.overtime_hours for l in lines), Decimal(0)),
            sum((l.night_hours for l in lines), Decimal(0)),
            sum((l.pay for l in lines), Decimal(0)),
        )

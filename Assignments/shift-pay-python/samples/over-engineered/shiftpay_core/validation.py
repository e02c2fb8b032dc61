from __future__ import annotations

from datetime import timedelta

from shiftpay_core.errors import (
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    OverlappingShiftsError,
)
from shiftpay_core.interfaces import AbstractValidator
from shiftpay_core.models import PayPolicy, Shift


class PolicyValidator(AbstractValidator):
    def validate(self, shifts: list[Shift], policy: PayPolicy) -> None:
        if policy.base_rate < 0 or policy.night_premium < 0:
            raise InvalidPolicyError("negative money amount in policy")
        if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
            raise InvalidPolicyError("overtime thresholds must be positive")
        if policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
            raise InvalidPolicyError("multipliers must be at least 1")


class ShiftValidator(AbstractValidator):
    def validate(self, shifts: list[Shift], policy: PayPolicy) -> None:
        for shift in shifts:
            self._validate_one(shift)

    @staticmethod
    def _validate_one(shift: Shift) -> None:
        if shift.end <= shift.start:
            raise InvalidShiftError("shift must end after it starts")
        if shift.break_minutes < 0:
            raise InvalidShiftError("break must not be negative")
        if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
            raise BreakTooLongError("break is not shorter than the shift")


class OverlapValidator(AbstractValidator):
    def validate(self, shifts: list[Shift], policy: PayPolicy) -> None:
        ordered = sorted(shifts, key=lambda s: s.start)
        for first, second in zip(ordered, ordered[1:]):
            if second.start < first.end:
                raise OverlappingShiftsError("shifts overlap")


class CompositeValidator(AbstractValidator):
    def __init__(self, validators: list[AbstractValidator]) -> None:
        self._validators = validators

    def validate(self, shifts: list[Shift], policy: PayPolicy) -> None:
        for validator in self._validators:
            validator.validate(shifts, policy)


class ValidatorFactory:
    @staticmethod
    def create() -> AbstractValidator:
        return CompositeValidator([PolicyValidator(), ShiftValidator(), OverlapValidator()])

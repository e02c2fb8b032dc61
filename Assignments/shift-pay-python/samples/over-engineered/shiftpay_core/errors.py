class ShiftPayError(ValueError):
    """Base error of the shift pay domain."""


class InvalidShiftError(ShiftPayError):
    pass


class BreakTooLongError(ShiftPayError):
    pass


class OverlappingShiftsError(ShiftPayError):
    pass


class InvalidPolicyError(ShiftPayError):
    pass

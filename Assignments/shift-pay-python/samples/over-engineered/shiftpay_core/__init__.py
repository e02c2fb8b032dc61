"""Enterprise shift pay core: pluggable strategies for every pay rule."""

from shiftpay_core.builder import PayCalculatorBuilder
from shiftpay_core.registry import PolicyProviderRegistry

__all__ = ["PayCalculatorBuilder", "PolicyProviderRegistry"]

from __future__ import annotations

from shiftpay_core.interfaces import AbstractPolicyProvider
from shiftpay_core.models import PayPolicy


class PassThroughPolicyProvider(AbstractPolicyProvider):
    def provide(self, policy: PayPolicy) -> PayPolicy:
        return policy


class PolicyProviderRegistry:
    """Registry of policy providers, looked up by key."""

    _providers: dict[str, AbstractPolicyProvider] = {"default": PassThroughPolicyProvider()}

    @classmethod
    def register(cls, key: str, provider: AbstractPolicyProvider) -> None:
        cls._providers[key] = provider

    @classmethod
    def lookup(cls, key: str) -> AbstractPolicyProvider:
        return cls._providers[key]

"""Shift pay application: models, rules, repositories and the service that ties them together."""

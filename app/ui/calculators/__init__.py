"""Savings-calculator dialog (app/core/calculators)."""

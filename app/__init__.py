"""RECP Audit: offline desktop application for cleaner-production audits."""

__version__ = "0.1.0"

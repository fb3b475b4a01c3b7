"""The phases of the audit method, in order: the main window's side navigation.

Each line names its screen as "module:Class", e.g.
``"app.ui.screens.walkthrough:WalkthroughScreen"``. The module is imported
lazily: when its screen is first shown, or just after the main window's first paint (for the
side navigation's completeness); keep heavy imports inside functions. The screen is built the
first time it is shown.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class Phase:
    """A phase of the audit method in the side navigation, and its screen."""

    key: str
    title_source: str  # English source text, translated in context "Phase"
    screen: str  # "module:Class" of its PhaseScreen

    def title(self) -> str:
        return QCoreApplication.translate("Phase", self.title_source)

    def screen_class(self) -> type:
        """The screen class, importing its module on first use."""
        module, _, cls = self.screen.partition(":")
        return getattr(importlib.import_module(module), cls)

    def is_loaded(self) -> bool:
        """True when ``screen_class()`` costs nothing: its module is imported."""
        return self.screen.partition(":")[0] in sys.modules


PHASES: tuple[Phase, ...] = (
    Phase(
        "enterprise",
        QT_TRANSLATE_NOOP("Phase", "Enterprise & team"),
        "app.ui.screens.enterprise:EnterpriseScreen",
    ),
    Phase(
        "products",
        QT_TRANSLATE_NOOP("Phase", "Products & process steps"),
        "app.ui.screens.products:ProductsScreen",
    ),
    Phase(
        "walkthrough",
        QT_TRANSLATE_NOOP("Phase", "Walkthrough"),
        "app.ui.screens.walkthrough:WalkthroughScreen",
    ),
    Phase(
        "baselines",
        QT_TRANSLATE_NOOP("Phase", "Baselines"),
        "app.ui.screens.baselines:BaselinesScreen",
    ),
    Phase("options", QT_TRANSLATE_NOOP("Phase", "Options"), "app.ui.screens.options:OptionsScreen"),
    Phase(
        "symbiosis",
        QT_TRANSLATE_NOOP("Phase", "Offers and needs"),
        "app.ui.screens.symbiosis:SymbiosisScreen",
    ),
    Phase(
        "readiness",
        QT_TRANSLATE_NOOP("Phase", "Eco-enterprise readiness"),
        "app.ui.screens.readiness:ReadinessScreen",
    ),
    Phase(
        "narrative",
        QT_TRANSLATE_NOOP("Phase", "Report narrative"),
        "app.ui.screens.narrative:NarrativeScreen",
    ),
    Phase("reports", QT_TRANSLATE_NOOP("Phase", "Reports"), "app.ui.screens.reports:ReportsScreen"),
)

"""The baselines screen (phase 2): resource streams, their monthly records, balances and charts.

- ``screen``: the screen itself (streams, records grid, step balances, charts);
- ``models``: the table models of streams and records, the data-quality list;
- ``stream``: the add/edit-stream dialog (kind, unit, symbiosis class);
- ``keys``: Excel-like keys of the records grid (clear, fill down);
- ``paste``: confirming ambiguous numbers in a paste;
- ``import_dialog``: the XLSX/CSV import wizard;
- ``charts``: the chart view beside the grid.
"""

from app.ui.screens.baselines.screen import BaselinesScreen, screenshot_steps

__all__ = ["BaselinesScreen", "screenshot_steps"]

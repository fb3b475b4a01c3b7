"""The options screen (phase 3): the options list, one option's editor, screening and ranking.

- ``screen``: the screen itself (list, filters, ranking and log tabs);
- ``detail``: one option's editor (status, figures, feasibility, calculations);
- ``model``: the table model of the options list (columns, sorting, search).
"""

from app.ui.screens.options.screen import (
    OptionsScreen,
    open_new_option_from_finding,
    screenshot_steps,
)

__all__ = ["OptionsScreen", "open_new_option_from_finding", "screenshot_steps"]

"""The walkthrough screen (phase 1c): checklist by area, findings and their photos.

- ``screen``: the screen itself (areas, checklist items, a finding's detail);
- ``photo_strip``: a finding's thumbnails, drag and drop, captions;
- ``photo_import``: processing and storing photo files off the GUI thread.
"""

from app.ui.screens.walkthrough.screen import (
    FREE,
    WalkthroughScreen,
    active_templates,
    shipped_templates,
)

__all__ = ["FREE", "WalkthroughScreen", "active_templates", "shipped_templates"]

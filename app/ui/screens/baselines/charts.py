"""A matplotlib canvas showing one of the shared baseline charts (``app.reports.charts``).

matplotlib and its Qt backend are imported the first time a chart is shown, never at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = None
        self.figure = None

    def show_figure(self, figure) -> None:
        """Replace the shown figure (a ``matplotlib.figure.Figure``)."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.figure = figure
        self.canvas = FigureCanvasQTAgg(figure)
        self._layout.addWidget(self.canvas)
        self.canvas.draw_idle()

"""Bar charts drawn with QPainter: no charting library in the bundle.

One chart draws one or more series of bars over categories (days, months,
tiers, hotels), with a title, a labelled value axis with round ticks and a
grid, labelled categories (thinned out when they would overlap), a legend
and, when the bars are few enough to read them, each bar's figure. The
same paint() draws on the screen, into an image (screenshots) and onto a
printer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (QColor("#2f5d8a"), QColor("#d08c2c"), QColor("#5b8c3a"), QColor("#8a3f6e"), QColor("#6b6b6b"))


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]
    colour: QColor | None = None


@dataclass
class ChartData:
    title: str = ""
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    x_label: str = ""
    y_label: str = ""
    value_text: Callable[[int], str] = field(default=lambda v: f"{v:,}")

    @property
    def maximum(self) -> int:
        return max((v for s in self.series for v in s.values), default=0)


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 times a power of ten) up to at least `maximum`."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if step >= 1:
        step = round(step)
    top = math.ceil(maximum / step) * step
    return [i * step for i in range(int(round(top / step)) + 1)]


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = ChartData()
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 300)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            paint(painter, QRectF(self.rect()), self.data, self.font())
        finally:
            painter.end()

    def image(self, width: int = 900, height: int = 420) -> QImage:
        return render_image(self.data, width, height, self.font())


def render_image(data: ChartData, width: int, height: int, font: QFont | None = None) -> QImage:
    img = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    try:
        paint(painter, QRectF(0, 0, width, height), data, font or QFont())
    finally:
        painter.end()
    return img


def paint(p: QPainter, area: QRectF, data: ChartData, font: QFont) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(area, QColor("white"))
    base = QFont(font)
    small = QFont(font)
    small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.1)
    fm, fm_small, fm_bold = QFontMetricsF(base), QFontMetricsF(small), QFontMetricsF(bold)
    pad = 8.0
    ink, grid = QColor("#222222"), QColor("#dddddd")

    # Title and legend on top.
    top = area.top() + pad
    p.setPen(ink)
    p.setFont(bold)
    p.drawText(QRectF(area.left() + pad, top, area.width() - 2 * pad, fm_bold.height()),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, data.title)
    colours = [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(data.series)]
    p.setFont(small)
    x = area.right() - pad
    if len(data.series) > 1:
        for s, colour in reversed(list(zip(data.series, colours))):
            w = fm_small.horizontalAdvance(s.name)
            x -= w
            p.setPen(ink)
            p.drawText(QPointF(x, top + fm_bold.ascent()), s.name)
            x -= 14
            p.fillRect(QRectF(x, top + fm_bold.height() / 2 - 5, 10, 10), colour)
            x -= 14
    top += fm_bold.height() + pad + fm_small.height() / 2

    # The value axis: round ticks, its label turned on its side.
    # Headroom above the tallest bar for its figure.
    ticks = nice_ticks(data.maximum * 1.08)
    tick_texts = [data.value_text(int(t)) if float(t).is_integer() else f"{t:,.1f}" for t in ticks]
    axis_w = max(fm_small.horizontalAdvance(t) for t in tick_texts) + 6
    y_title_w = fm.height() + 4 if data.y_label else 0
    x_title_h = fm.height() + 2 if data.x_label else 0
    label_h = fm_small.height() + 4
    plot = QRectF(area.left() + pad + y_title_w + axis_w, top,
                  0, 0)
    plot.setRight(area.right() - pad)
    plot.setBottom(area.bottom() - pad - x_title_h - label_h)
    if plot.width() <= 10 or plot.height() <= 10:
        return
    if data.y_label:
        p.save()
        p.setFont(base)
        p.setPen(ink)
        p.translate(area.left() + pad + fm.ascent(), plot.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-plot.height() / 2, -fm.ascent(), plot.height(), fm.height()),
                   Qt.AlignmentFlag.AlignCenter, data.y_label)
        p.restore()
    top_value = ticks[-1] or 1
    p.setFont(small)
    for t, text in zip(ticks, tick_texts):
        y = plot.bottom() - plot.height() * (t / top_value)
        p.setPen(QPen(grid, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(ink)
        p.drawText(QRectF(plot.left() - axis_w, y - fm_small.height() / 2, axis_w - 4, fm_small.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    p.setPen(QPen(ink, 1))
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    # The bars.
    n = len(data.categories)
    if n:
        slot = plot.width() / n
        group_w = slot * (0.8 if n > 1 else 0.5)
        bar_w = group_w / max(1, len(data.series))
        show_values = n * max(1, len(data.series)) <= 24
        for i, _cat in enumerate(data.categories):
            gx = plot.left() + i * slot + (slot - group_w) / 2
            for k, (s, colour) in enumerate(zip(data.series, colours)):
                v = s.values[i] if i < len(s.values) else 0
                h = plot.height() * (max(0, v) / top_value)
                bar = QRectF(gx + k * bar_w, plot.bottom() - h, max(1.0, bar_w - 1), h)
                p.fillRect(bar, colour)
                text = data.value_text(v) if show_values and v else ""
                # A figure wider than its bar would run into the next one.
                room = bar_w if len(data.series) > 1 else slot - 2
                if text and fm_small.horizontalAdvance(text) <= room:
                    p.setPen(ink)
                    p.drawText(QRectF(bar.center().x() - 60, bar.top() - fm_small.height() - 1, 120,
                                      fm_small.height()),
                               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
        # Category labels, every k-th so none overlap.
        widest = max(fm_small.horizontalAdvance(c) for c in data.categories) + 8
        every = max(1, math.ceil(widest / slot))
        p.setPen(ink)
        for i, cat in enumerate(data.categories):
            if i % every:
                continue
            cx = plot.left() + i * slot + slot / 2
            p.drawLine(QPointF(cx, plot.bottom()), QPointF(cx, plot.bottom() + 3))
            p.drawText(QRectF(cx - widest / 2, plot.bottom() + 3, widest, fm_small.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, cat)
    if data.x_label:
        p.setFont(base)
        p.drawText(QRectF(plot.left(), area.bottom() - pad - fm.height(), plot.width(), fm.height()),
                   Qt.AlignmentFlag.AlignCenter, data.x_label)


def chart_data(title: str, categories: Sequence[str], series: Sequence[Series], x_label: str, y_label: str,
               value_text: Callable[[int], str] | None = None) -> ChartData:
    return ChartData(title, tuple(categories), tuple(series), x_label, y_label,
                     value_text or (lambda v: f"{v:,}"))

"""Charts drawn by the server as SVG geometry for the templates: no chart library, no CDN, no
script, and the same picture on a 390 px phone (a viewBox the width of a phone, labels above
their bars rather than beside them so long school names are not squeezed)."""

from dataclasses import dataclass

from .selectors import Figure

WIDTH = 360
ROW = 34  # label line + bar
BAR = 12
SPARK_W, SPARK_H = 120, 32


@dataclass
class Bar:
    label: str
    shown: str
    y: int
    width: float
    hidden: bool


def _scale(figures: list[Figure]) -> float:
    """Rates are drawn against their full scale (100 %), counts against the largest count."""
    if figures and figures[0].indicator.is_rate:
        return 1.0
    return max((f.ratio for f in figures), default=0.0) or 1.0


def bars(items: list[tuple[str, Figure]]) -> dict:
    """A horizontal bar per (label, figure); a suppressed or missing value gets no bar, only its text."""
    scale = _scale([f for _label, f in items])
    room = WIDTH - 60  # the value is written after the bar
    rows = [Bar(label, figure.shown, index * ROW, round(room * figure.ratio / scale, 1),
                figure.value is None) for index, (label, figure) in enumerate(items)]
    return {"rows": rows, "width": WIDTH, "height": max(len(rows) * ROW, ROW), "bar": BAR}


@dataclass
class Spark:
    x: float
    y: float
    height: float
    period: str
    shown: str


def sparkline(trend: list[tuple[str, Figure]]) -> dict | None:
    """Small bars of the last periods (oldest first), or None when no period has a value."""
    figures = [f for _period, f in trend]
    if all(f.value is None for f in figures):
        return None
    scale = _scale(figures)
    step = SPARK_W / max(len(trend), 1)
    sparks = []
    for index, (period, figure) in enumerate(trend):
        height = round((SPARK_H - 2) * figure.ratio / scale, 1) if figure.value is not None else 0
        top = round(SPARK_H - max(height, 1), 1)  # an empty year keeps a 1 px line, so the gap reads
        sparks.append(Spark(round(index * step + 1, 1), top, height, period, figure.shown))
    return {"bars": sparks, "width": SPARK_W, "height": SPARK_H, "bar": round(step - 3, 1)}

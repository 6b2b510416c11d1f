"""Evidence photos for the demo, drawn with Pillow (never downloaded): a coloured banner with the
activity's title, as a phone photo of a stage backdrop would show it. 640×480 JPEGs of ~30 KB keep
the demo fast and the backup small.

Pillow's built-in font has no Vietnamese letters (ệ, ở, đ… come out as boxes), so a system font
that has them is used when present (DejaVu or Liberation, installed with LibreOffice on the server);
without one the text is drawn without diacritics rather than with boxes.
"""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from binhdang.lib.vntext import fold

SIZE = (640, 480)
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
)
# Backdrop colours (red of a school stage, blue, green, purple, orange), picked per photo.
COLOURS = ((178, 34, 52), (21, 101, 192), (46, 125, 50), (106, 27, 154), (230, 81, 0))


def _font(size: int) -> tuple[ImageFont.ImageFont, bool]:
    """A font and whether it draws Vietnamese."""
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """Words in lines no wider than `width` pixels (measured, since letters differ in width)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _centred(draw: ImageDraw.ImageDraw, y: int, line: str, font, fill) -> None:
    draw.text(((SIZE[0] - draw.textlength(line, font=font)) / 2, y), line, font=font, fill=fill)


def banner_jpeg(title: str, lines: list[str], variant: int = 0) -> bytes:
    """A 640×480 JPEG: a coloured backdrop, a lighter band with the title, a few smaller lines below."""
    base = COLOURS[variant % len(COLOURS)]
    image = Image.new("RGB", SIZE, base)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    # A vertical gradient so the photos do not look like flat test cards.
    for y in range(0, height, 4):
        shade = 1 - 0.35 * y / height
        draw.rectangle((0, y, width, y + 4), fill=tuple(int(c * shade) for c in base))
    draw.rectangle((28, 60, width - 28, 330), fill=(255, 248, 225), outline=(255, 215, 0), width=5)
    font, vietnamese = _font(30)
    text = title if vietnamese else fold(title).upper()
    wrapped = _wrap(draw, text, font, width - 100)
    if len(wrapped) > 5:  # a long title gets a smaller font rather than being cut
        font, _ = _font(24)
        wrapped = _wrap(draw, text, font, width - 100)[:7]
    step = font.size + 8
    y = 195 - step * len(wrapped) // 2
    for line in wrapped:
        _centred(draw, y, line, font, base)
        y += step
    y = 350
    for line in lines[:3]:
        line = line if vietnamese else fold(line)
        size = 20
        small, _ = _font(size)
        while draw.textlength(line, font=small) > width - 40 and size > 12:
            size -= 2
            small, _ = _font(size)
        _centred(draw, y, line, small, (255, 255, 255))
        y += 30
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()

"""Evidence photos for the demo, drawn with Pillow (never downloaded): a coloured banner with the
activity's title, as a phone photo of a stage backdrop would show it. 640×480 JPEGs of ~30 KB keep
the demo fast and the backup small.

Pillow's built-in font has no Vietnamese letters (ệ, ở, đ… come out as boxes), so a system font
that has them is used when present (DejaVu or Liberation, installed with LibreOffice on the server);
without one the text is drawn without diacritics rather than with boxes.
"""

import io
import textwrap
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


def banner_jpeg(title: str, lines: list[str], variant: int = 0) -> bytes:
    """A 640×480 JPEG: a coloured backdrop, a lighter band, the title and a few smaller lines."""
    base = COLOURS[variant % len(COLOURS)]
    image = Image.new("RGB", SIZE, base)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    # A vertical gradient so the photos do not look like flat test cards.
    for y in range(0, height, 4):
        shade = 1 - 0.35 * y / height
        draw.rectangle((0, y, width, y + 4), fill=tuple(int(c * shade) for c in base))
    draw.rectangle((28, 70, width - 28, 330), fill=(255, 248, 225), outline=(255, 215, 0), width=5)
    big, vietnamese = _font(30)
    small, _ = _font(20)
    text = title if vietnamese else fold(title).upper()
    y = 90
    for line in textwrap.wrap(text, width=34)[:6]:
        box = draw.textbbox((0, 0), line, font=big)
        draw.text(((width - (box[2] - box[0])) / 2, y), line, font=big, fill=base)
        y += 38
    y = 350
    for line in lines[:3]:
        line = line if vietnamese else fold(line)
        box = draw.textbbox((0, 0), line, font=small)
        draw.text(((width - (box[2] - box[0])) / 2, y), line, font=small, fill=(255, 255, 255))
        y += 30
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()

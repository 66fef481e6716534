"""A real infographic image for the demo, drawn with Pillow from the page's own
text: a title and numbered steps, dark text on light panels (WCAG AA contrast),
so the demo shows what an editor's upload looks like."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1080, 1350
MARGIN = 72
BACKGROUND = (0, 84, 122)  # the portal's blue; white on it is 7.6:1
PANEL = (255, 255, 255)
INK = (20, 33, 46)
ACCENT = (255, 196, 0)


def _font(size: int):
    # Pillow's bundled FreeType font: no system font needed, same image everywhere.
    return ImageFont.load_default(size=size)


def infographic_png(title: str, steps: list[str], footer: str = "") -> bytes:
    """PNG bytes of a portrait infographic: ``title`` above one panel per step."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in textwrap.wrap(title, width=26):
        draw.text((MARGIN, y), line, font=_font(64), fill=PANEL)
        y += 78
    y += 32
    step_font = _font(40)
    room = HEIGHT - y - MARGIN - (60 if footer else 0)
    panel_height = max(120, room // max(len(steps), 1) - 24)
    for number, step in enumerate(steps, start=1):
        box = (MARGIN, y, WIDTH - MARGIN, y + panel_height)
        draw.rounded_rectangle(box, radius=24, fill=PANEL)
        draw.ellipse((MARGIN + 24, y + 24, MARGIN + 96, y + 96), fill=ACCENT)
        draw.text(
            (MARGIN + 60, y + 60), str(number), font=_font(44), fill=INK, anchor="mm"
        )
        text_y = y + 28
        for line in textwrap.wrap(step, width=36)[:3]:
            draw.text((MARGIN + 124, text_y), line, font=step_font, fill=INK)
            text_y += 50
        y += panel_height + 24
    if footer:
        draw.text((MARGIN, HEIGHT - MARGIN - 40), footer, font=_font(32), fill=PANEL)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

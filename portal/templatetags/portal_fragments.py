"""``{% rendered_once "name" key… %}…{% end_rendered_once %}``: markup rendered once
per process, language and key, then reused.

For chrome that is the same on every page for every reader, such as the footer: its
two dozen translated labels and reversed links cost about 0.4 ms of every portal
page rendered, mostly translation-catalogue look-ups (the Indonesian source strings
miss each of the ~20 catalogues in turn). What goes inside must not depend on the
request, the reader or public content; anything else it shows goes in the key (the
footer's year). tests/portal/test_rendered_once.py compares the kept footer with a
fresh rendering in both languages.
"""

from django import template
from django.core.signals import setting_changed
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

MAX_KEPT = 256  # names × languages × keys: a handful in practice
_kept: dict[tuple, str] = {}


class RenderedOnceNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        key = (
            self.name.resolve(context),
            get_language(),
            *(k.resolve(context) for k in self.keys),
        )
        found = _kept.get(key)
        if found is None:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            found = _kept[key] = mark_safe(self.nodelist.render(context))  # noqa: S308
        return found


@register.tag
def rendered_once(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% rendered_once "name" [key …] %} needs a name'
        )
    nodelist = parser.parse(("end_rendered_once",))
    parser.delete_first_token()
    name, *keys = (parser.compile_filter(bit) for bit in bits[1:])
    return RenderedOnceNode(nodelist, name, keys)


def forget(**kwargs) -> None:
    """Drop every kept fragment (settings changed, e.g. URLs or languages in tests)."""
    _kept.clear()


setting_changed.connect(forget)

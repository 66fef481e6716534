"""List the admin strings that an Indonesian editor would still see in English.

Wagtail's own Indonesian catalogs (``locale/id_ID``) cover only part of its
messages, and Django looks in ``LOCALE_PATHS`` before the apps' catalogs, so the
project completes them in ``locale/id/LC_MESSAGES/{django,djangojs}.po`` (English
msgids, Indonesian msgstr; never generated with ``makemessages -l id``).

This script reads the English source catalog of every app an editor or a reviewer
sees, and prints the msgids that neither the app's Indonesian catalog nor ours
translates::

    .venv/bin/python scripts/wagtail_id_catalog.py              # counts per app
    .venv/bin/python scripts/wagtail_id_catalog.py --list       # the msgids
    .venv/bin/python scripts/wagtail_id_catalog.py --po new.po  # stubs to translate

Translate the stubs by hand (terminology: docs/admin-glossary.md), append them to
the project catalog and compile it with ``msgfmt``.
"""

import argparse
import ast
import sys
import sysconfig
from pathlib import Path

SITE = Path(sysconfig.get_paths()["purelib"])
PROJECT = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES"
# The apps whose pages an editor or a reviewer sees (admin, chooser, forms).
APPS = [
    "wagtail/admin",
    "wagtail",
    "wagtail/documents",
    "wagtail/images",
    "wagtail/snippets",
    "wagtail/users",
    "wagtail/search",
    "wagtail/embeds",
    "wagtail/sites",
    "wagtail/contrib/forms",
    "wagtail/contrib/redirects",
    "wagtail/contrib/settings",
    "taggit",
    "django/contrib/auth",
    "django/contrib/humanize",
    "django_otp",
    "axes",
]
INDONESIAN = ("id", "id_ID")


def _unquote(text: str) -> str:
    return ast.literal_eval(text) if text else ""


def parse_po(path: Path) -> dict:
    """``{(msgctxt, msgid, msgid_plural): (msgstrs, fuzzy)}`` of a .po file."""
    entries, current, field, flag = {}, {}, None, False

    def flush():
        if current.get("msgid"):
            key = (current.get("msgctxt"), current["msgid"], current.get("plural"))
            strs = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            entries[key] = (strs, current["fuzzy"])

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flag = "fuzzy" in line
        elif line.startswith('"') and field:
            current[field] += _unquote(line)
        elif line and not line.startswith("#"):
            keyword, _, value = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and any(
                k.startswith("msgstr") for k in current
            ):
                flush()
                current = {}
            if not current:
                current["fuzzy"], flag = flag, False
            field = "plural" if keyword == "msgid_plural" else keyword
            current[field] = _unquote(value)
    flush()
    return entries


def translated(entries: dict) -> set:
    return {k for k, (strs, fuzzy) in entries.items() if not fuzzy and all(strs)}


def catalog(app: str, lang: str, domain: str) -> Path:
    return SITE / app / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def source_keys(domain: str = "django") -> dict:
    """``{app: [entry key, ...]}``: every msgid of the apps' English catalogs."""
    sources = {app: catalog(app, "en", domain) for app in APPS}
    return {app: list(parse_po(p)) for app, p in sources.items() if p.exists()}


def missing(domain: str = "django") -> dict:
    """``{app: [entry key, ...]}`` of msgids with no Indonesian translation."""
    ours = PROJECT / f"{domain}.po"
    done = translated(parse_po(ours)) if ours.exists() else set()
    sources, result = source_keys(domain), {}
    for app in sources:  # gettext merges the apps' catalogs: so do we
        for lang in INDONESIAN:
            if catalog(app, lang, domain).exists():
                done |= translated(parse_po(catalog(app, lang, domain)))
    for app, source in sources.items():
        keys = [k for k in source if k not in done]
        if keys:
            result[app] = keys
    return result


def same_in_indonesian(domain: str = "django") -> set:
    """Keys some Indonesian catalog translates as themselves ("Status", "Format"):
    English-looking on the page, yet a deliberate translation."""
    paths = [PROJECT / f"{domain}.po"] + [
        catalog(app, lang, domain) for app in APPS for lang in INDONESIAN
    ]
    return {
        key
        for path in paths
        if path.exists()
        for key, (strs, fuzzy) in parse_po(path).items()
        if not fuzzy and strs and strs[0] in (key[1], key[2])
    }


def _quote(text: str) -> str:
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    )


def write_stubs(result: dict, out) -> None:
    seen = set()
    for app, keys in result.items():
        for ctxt, msgid, plural in keys:
            if (ctxt, msgid, plural) in seen:
                continue
            seen.add((ctxt, msgid, plural))
            out.write(f"#: {app}\n")
            if ctxt:
                out.write(f"msgctxt {_quote(ctxt)}\n")
            out.write(f"msgid {_quote(msgid)}\n")
            if plural:
                out.write(f'msgid_plural {_quote(plural)}\nmsgstr[0] ""\n\n')
            else:
                out.write('msgstr ""\n\n')


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domain", default="django", choices=["django", "djangojs"])
    parser.add_argument("--list", action="store_true", help="print the msgids")
    parser.add_argument("--po", type=Path, help="write untranslated stubs here")
    args = parser.parse_args(argv)
    result = missing(args.domain)
    for app, keys in result.items():
        print(f"{app}: {len(keys)} untranslated", file=sys.stderr)
        if args.list:
            for _, msgid, _ in keys:
                print(f"  {msgid!r}")
    if args.po:
        with args.po.open("w", encoding="utf-8") as out:
            write_stubs(result, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Loading the shipped holiday calendar (``data/holidays.json``) and granting the
province teams the right to edit it. Used by the data migration (with historical
models) and by ``manage.py load_holidays`` (run by ``make setup``)."""

import json
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "holidays.json"
ESTIMATE_SUFFIX = "(perkiraan)"
# Groups whose name starts with this edit the calendar: the province communication
# team and the complaints verification team (both created outside migrations).
PROVINCE_GROUP_PREFIX = "Provinsi: "
HOLIDAY_PERMS = ["add_holiday", "change_holiday", "delete_holiday", "view_holiday"]


@dataclass
class LoadReport:
    created: int = 0
    removed: int = 0
    kept: int = 0


def read_data(path: Path = DATA_FILE) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["years"]


def holidays_load(*, model, path: Path = DATA_FILE) -> LoadReport:
    """Additive and re-runnable: creates the dates that are missing and never
    touches a date that exists (an admin edit stays), except rows still named
    as estimates ("... (perkiraan)") once their year is decreed (status
    "ditetapkan"): those follow the decree."""
    report = LoadReport()
    for year in read_data(path):
        shipped = {item["date"]: item for item in year["holidays"]}
        existing = {
            day.isoformat()
            for day in model.objects.filter(date__year=year["year"]).values_list(
                "date", flat=True
            )
        }
        missing = [
            model(date=day, name=item["name"], kind=item["kind"])
            for day, item in shipped.items()
            if day not in existing
        ]
        model.objects.bulk_create(missing)
        report.created += len(missing)
        report.kept += len(existing & shipped.keys())
        if year.get("status") == "ditetapkan":
            _settle_estimates(model, year["year"], shipped, report)
    return report


def _settle_estimates(model, year: int, shipped: dict, report: LoadReport) -> None:
    """Rows still named as shipped estimates take the decree: its name and kind
    where the date stands, removal where it does not."""
    estimates = model.objects.filter(date__year=year, name__endswith=ESTIMATE_SUFFIX)
    for row in estimates:
        item = shipped.get(row.date.isoformat())
        if item is None:
            row.delete()
            report.removed += 1
        elif item["name"] != row.name or item["kind"] != row.kind:
            row.name, row.kind = item["name"], item["kind"]
            row.save(update_fields=["name", "kind"])


def holidays_grant_permissions(*, group_model, permission_model) -> int:
    """Give the province groups that exist the holiday permissions; returns how
    many groups got them (idempotent)."""
    perms = list(
        permission_model.objects.filter(
            content_type__app_label="core", codename__in=HOLIDAY_PERMS
        )
    )
    groups = group_model.objects.filter(name__startswith=PROVINCE_GROUP_PREFIX)
    for group in groups:
        group.permissions.add(*perms)
    return len(groups) if perms else 0

"""The kabupaten/kota of Banten with their BPS codes (Kepmendagri/BPS reference)."""

REGIONS = [
    ("36.01", "Kabupaten Pandeglang"),
    ("36.02", "Kabupaten Lebak"),
    ("36.03", "Kabupaten Tangerang"),
    ("36.04", "Kabupaten Serang"),
    ("36.71", "Kota Tangerang"),
    ("36.72", "Kota Cilegon"),
    ("36.73", "Kota Serang"),
    ("36.74", "Kota Tangerang Selatan"),
]

REGION_NAMES = dict(REGIONS)


def region_name(code: str) -> str:
    return REGION_NAMES.get(code, "")

#!/usr/bin/env python3
"""Generate the product's own holiday table from the holiday-cn JSON data (MIT, NateScarlet).

Run once from the repository root when a new year's State Council notice is added:

    python3 tools/generate-holidays-csv.py ../shared/data/holidays-cn 2015 2026

Writes src/Zhifa.Domain/Calendar/Holidays/holidays.csv and holidays-sources.csv.
The format is described in src/Zhifa.Domain/Calendar/Holidays/README.md.
"""
import json
import pathlib
import sys

OUT = pathlib.Path("src/Zhifa.Domain/Calendar/Holidays")


def main(source_dir: str, first: int, last: int) -> None:
    days, sources = [], []
    for year in range(first, last + 1):
        data = json.loads((pathlib.Path(source_dir) / f"{year}.json").read_text(encoding="utf-8"))
        if data["year"] != year or not data["days"] or not data["papers"]:
            sys.exit(f"{year}: year mismatch or schedule not published")
        for day in data["days"]:
            if "," in day["name"]:
                sys.exit(f"{day['date']}: name contains a comma")
            days.append((day["date"], "休" if day["isOffDay"] else "班", day["name"], year))
        sources.extend((year, paper) for paper in data["papers"])

    days.sort()
    dates = [d[0] for d in days]
    if len(dates) != len(set(dates)):
        sys.exit("a date appears twice")

    with open(OUT / "holidays.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("日期,类型,名称,年度\n")
        f.writelines(f"{d},{t},{n},{y}\n" for d, t, n, y in days)
    with open(OUT / "holidays-sources.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("年度,通知\n")
        f.writelines(f"{y},{p}\n" for y, p in sources)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

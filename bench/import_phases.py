"""Phases of one `zhifa import` from a PostgreSQL log with log_min_duration_statement = 0 (bench/import-phases.sh).

Prints the time from the first statement to the first COPY of cases, the COPY phase (and how long the server was busy
in the COPYs of cases and of links), the time after the last COPY, and the statements of that end taking over 20 ms.
"""
import re
import sys
from datetime import datetime

LINE = re.compile(r"(\S+ \S+) UTC \[\d+\] LOG:  duration: ([0-9.]+) ms  (?:statement|execute <unnamed>): (.*)")


def main(path):
    events = []  # (end time in seconds, duration in seconds, statement)
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            m = LINE.match(line)
            if m:
                end = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
                events.append((end, float(m.group(2)) / 1000, m.group(3)))
    if not events:
        sys.exit("no statements in the log")
    main_copy = [e for e in events if e[2].startswith(("COPY cases ", "COPY case_officers "))]
    if not main_copy:
        sys.exit("no COPY of cases in the log")
    start = events[0][0] - events[0][1]
    first = main_copy[0][0] - main_copy[0][1]
    last = main_copy[-1][0]
    busy_cases = sum(e[1] for e in main_copy if e[2].startswith("COPY cases "))
    busy_links = sum(e[1] for e in main_copy if e[2].startswith("COPY case_officers "))
    print(f"first statement to first COPY of cases: {first - start:6.2f} s")
    print(f"COPY phase:                             {last - first:6.2f} s "
          f"(server busy in COPY: cases {busy_cases:.2f} s, links {busy_links:.2f} s)")
    print(f"after the last COPY:                    {events[-1][0] - last:6.2f} s")
    for end, duration, statement in events:
        if end > last and duration >= 0.02:
            print(f"  {duration * 1000:7.1f} ms  {statement[:110]}")


if __name__ == "__main__":
    main(sys.argv[1])

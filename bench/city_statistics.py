#!/usr/bin/env python3
"""Request driver for bench/city-statistics.sh (issue 4, item 7): the supervision office's requests against a running
`zhifa serve` on a city-scale database, each timed. Python 3 standard library only.

usage: city_statistics.py --port P --user U --password PW --year Y --district CODE --agency CODE [--rounds 5] [--server-pid PID]

One round asks, in order: the dashboard page (首页, signed in with a cookie like a browser) for the city's year, a district,
a quarter and an agency, the drill-down case list page and a problem list page; GET /api/v1/statistics for the year to
date and the whole year, of the whole city, one district and one agency, for a quarter and for a period of partial months
across the year's start; the alert inbox; and the drill-down GET /api/v1/cases (city year, a deep page, partial months,
a district's penalty cases, the decisions behind the fines, an agency's month). Prints p50, p95 and max per request kind and over all, and the server's VmHWM.
"""
import argparse, http.client, http.cookiejar, json, re, statistics, sys, time, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--user", required=True)
p.add_argument("--password", required=True)
p.add_argument("--year", type=int, required=True)
p.add_argument("--district", required=True)
p.add_argument("--agency", required=True)
p.add_argument("--rounds", type=int, default=5)
p.add_argument("--server-pid", type=int)
a = p.parse_args()
base = f"http://127.0.0.1:{a.port}"

# bearer token for the API
req = urllib.request.Request(base + "/api/v1/auth/login", json.dumps({"userName": a.user, "password": a.password}).encode(),
                             {"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(req))["accessToken"]

# cookie sign-in for the pages, as a browser does (the form carries an antiforgery token)
jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
form = browser.open(base + "/Login").read().decode()
anti = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', form).group(1)
browser.open(base + "/Login", urllib.parse.urlencode({"userName": a.user, "password": a.password, "__RequestVerificationToken": anti}).encode()).read()

y = a.year
api = {
    "statistics: city, year": f"/api/v1/statistics?from={y}-01-01&to={y}-12-31",
    "statistics: city, year to Nov 22": f"/api/v1/statistics?from={y}-01-01&to={y}-11-22",
    "statistics: district, year": f"/api/v1/statistics?from={y}-01-01&to={y}-12-31&region={a.district}",
    "statistics: agency, year": f"/api/v1/statistics?from={y}-01-01&to={y}-12-31&agency={a.agency}",
    "statistics: city, quarter": f"/api/v1/statistics?from={y}-04-01&to={y}-06-30",
    "statistics: city, partial months across years": f"/api/v1/statistics?from={y - 1}-11-15&to={y}-02-10",
    "alerts inbox": "/api/v1/alerts?status=open&pageSize=20",
    "cases API: city, year, page 1": f"/api/v1/cases?from={y}-01-01&to={y}-12-31&pageSize=50",
    "cases API: city, year, page 100": f"/api/v1/cases?from={y}-01-01&to={y}-12-31&pageSize=50&page=100",
    "cases API: city, partial months across years": f"/api/v1/cases?from={y - 1}-11-15&to={y}-02-10&pageSize=50",
    "cases API: district, year, penalty": f"/api/v1/cases?from={y}-01-01&to={y}-12-31&region={a.district}&category=penalty&pageSize=50",
    "cases API: city, year, decisions (fines)": f"/api/v1/cases?from={y}-01-01&to={y}-12-31&basis=decided&pageSize=50",
    "cases API: agency, March": f"/api/v1/cases?from={y}-01-01&to={y}-12-31&agency={a.agency}&month={y}-03&pageSize=50",
}
# the dashboard (首页) and its drill-down pages (ADR-021)
pages = {
    "dashboard page (首页)": f"/?year={y}",
    "dashboard: district, year": f"/?year={y}&region={a.district}",
    "dashboard: city, quarter": f"/?year={y}&quarter=2",
    "dashboard: agency, year": f"/?year={y}&agency={a.agency}",
    "cases page: city, year": f"/cases?from={y}-01-01&to={y}-12-31",
    "cases page: district, month by 机关类别": f"/cases?from={y}-01-01&to={y}-12-31&region={a.district}&month={y}-06&agencyCategory=%E8%A1%97%E9%81%93%E5%8A%9E%E4%BA%8B%E5%A4%84",
    "problem list page: city, overdue": f"/dashboard/lists?list=overdue&from={y}-01-01&to={y}-12-31",
}
times = {k: [] for k in [*pages, *api]}

def timed(kind, fn):
    t = time.perf_counter()
    status, body = fn()
    times[kind].append((time.perf_counter() - t) * 1000)
    if status != 200:
        sys.exit(f"{kind}: HTTP {status}: {body[:300]}")
    return body

def get_api(path):
    c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=600)
    c.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    r = c.getresponse()
    return r.status, r.read().decode()

def get_page(path):
    r = browser.open(base + path)
    return r.status, r.read().decode()

for round_ in range(a.rounds):
    for kind, path in pages.items():
        html = timed(kind, lambda: get_page(path))
        marker = "案件同比增长" if kind.startswith("dashboard") else 'class="total"'
        if marker not in html and round_ == 0:
            sys.exit(f"{kind} without figures:\n" + html[:500])
    for kind, path in api.items():
        body = timed(kind, lambda: get_api(path))
        if round_ == 0 and kind == "statistics: city, year":
            f = json.loads(body)
            print(f"city {y}: agencies {f.get('agencies')}, cases {f.get('cases', {}).get('total')}, officers {f.get('certifiedOfficers')}")

def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]

print(f"{'request':48} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
everything = []
for kind, v in times.items():
    everything += v
    print(f"{kind:48} {len(v):3d} {pct(v, .5):8.1f} {pct(v, .95):8.1f} {max(v):8.1f}")
print(f"{'all requests':48} {len(everything):3d} {pct(everything, .5):8.1f} {pct(everything, .95):8.1f} {max(everything):8.1f}")
if a.server_pid:
    for line in open(f"/proc/{a.server_pid}/status"):
        if line.startswith(("VmHWM", "VmRSS")):
            print(line.strip())

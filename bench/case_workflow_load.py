#!/usr/bin/env python3
"""Load driver for bench/case-workflow-load.sh (issue 3): N concurrent clients file penalty cases and advance them
through the HTTP API, then check that nothing was lost or duplicated. Python 3 standard library only.

usage: case_workflow_load.py --port P --accounts FILE --sql CMD --audit CMD [--clients 50] [--cases 6] [--think-ms 0]
                             [--warmup-cases N] [--server-pid PID] [--db-pid PID] [--run TAG]

--accounts is a JSON list of {"agency", "head": [user, password], "officers": [[cert, password], [cert, password]]}.
--sql is a command that reads one SQL statement on stdin and prints one value (sqlite3 FILE, or psql -At ...).
--audit is the `zhifa audit verify` command line; its exit code must be 0.
--server-pid (and --db-pid, PostgreSQL's postmaster) give the CPU seconds each used during the measured round, next to
the load generator's own; --warmup-cases runs a round before it that is checked but not in the latencies.

Each client works for one agency. Per iteration it files a case (POST /api/v1/penalty-cases with an Idempotency-Key, as
the agency head) and walks it: record-evidence twice, notify, record-waiver (the party's written waiver, so the decision
needs no 5-working-day wait), decide, serve, record-payment, close (执行完毕), archive; every fifth case instead uses the
summary procedure (POST .../summary as an officer, then record-payment, close, archive). Every third creation is sent a
second time with the same key and must return the same case. Racing clients (every fifth) send their two evidence steps
from two threads based on the same version: one gets 409, refreshes the version and retries, and both must be in the
case's history. Any 409 is retried after re-reading the case; a step is never counted twice.
"""
import argparse, collections, random, datetime as dt, http.client, json, os, subprocess, sys, threading, time

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--accounts", required=True)
p.add_argument("--sql", required=True)
p.add_argument("--audit", required=True)
p.add_argument("--clients", type=int, default=50)
p.add_argument("--cases", type=int, default=6, help="cases per client")
p.add_argument("--think-ms", type=float, default=0, help="pause between a client's requests")
p.add_argument("--arrivals", choices=["burst", "spread"], default="burst",
               help="burst: every client starts at the same instant and pauses exactly --think-ms, so the 50 filings of a "
                    "round arrive together; spread: each client starts after a random part of one pause and each pause is "
                    "uniform in 0.5..1.5 x --think-ms (same mean), so requests arrive at independent times")
p.add_argument("--warmup-cases", type=int, default=0,
               help="cases per client in a round before the measured one (same clients and pace, not in the latencies; checked too)")
p.add_argument("--server-pid", type=int)
p.add_argument("--db-pid", type=int, help="the PostgreSQL postmaster, whose backends' CPU is reported too")
p.add_argument("--shared-prefix", action="store_true",
               help="keep the derived 机关代字, which is the same for every bench agency (reproduces the PostgreSQL 500s)")
p.add_argument("--run", default=str(int(time.time())))
a = p.parse_args()

accounts = json.load(open(a.accounts, encoding="utf-8"))
# The server's clock is real: every date is in the past, in China Standard Time, starting on a Monday.
today = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=8)).date()
base = today - dt.timedelta(days=21)
base -= dt.timedelta(days=base.weekday())
D = lambda n: (base + dt.timedelta(days=n)).isoformat()

lock = threading.Lock()
lat = collections.defaultdict(list)      # step kind -> [ms] of every request
statuses = collections.Counter()         # (kind, status)
unexpected = []                          # (kind, status, body) not 2xx and not an expected 409
cases = {}                               # id -> {"key", "steps": [steps that got 2xx], "stage"}
keys_created = {}                        # idempotency key -> case id
replays = {"sent": 0, "same": 0}
races = {"conflicts": 0}
tokens = {}


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=120)

    def call(self, kind, method, path, token=None, body=None, key=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        if key:
            headers["Idempotency-Key"] = key
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        for attempt in range(3):
            t = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=120)
                if attempt == 2:
                    raise
                continue
            ms = (time.perf_counter() - t) * 1000
            with lock:
                lat[kind].append(ms)
                statuses[(kind, r.status)] += 1
            try:
                js = json.loads(raw) if raw else None
            except ValueError:
                js = None
            return r.status, js, raw
        raise AssertionError("unreachable")


def login(user, password):
    c = Client()
    s, js, raw = c.call("login", "POST", "/api/v1/auth/login", body={"userName": user, "password": password})
    if s != 200:
        raise SystemExit(f"login {user}: {s} {raw[:300]!r}")
    return js["accessToken"]


local = threading.local()   # .rng: the client thread's own random pauses (--arrivals spread), seeded by client


def think():
    if a.think_ms:
        rng = getattr(local, "rng", None)
        time.sleep(a.think_ms * (rng.uniform(0.5, 1.5) if rng else 1.0) / 1000)


def step(c, token, case, route, body, expect_version=None):
    """POSTs a step based on the case's version; on 409 re-reads the case and retries. Returns the new view."""
    cid = case["id"]
    version = case["version"] if expect_version is None else expect_version
    while True:
        s, js, raw = c.call(route, "POST", f"/api/v1/penalty-cases/{cid}/{route}", token, dict(body, version=version))
        if s == 200:
            with lock:
                cases[cid]["steps"].append(route)
                cases[cid]["stage"] = js["stage"]
            case["version"] = js["version"]
            return js
        if s == 409:
            with lock:
                races["conflicts"] += 1
            s2, cur, raw2 = c.call("get", "GET", f"/api/v1/penalty-cases/{cid}", token)
            if s2 != 200:
                raise RuntimeError(f"GET case {cid}: {s2} {raw2[:300]!r}")
            version = cur["version"]
            continue
        with lock:
            unexpected.append((route, s, raw[:400].decode("utf-8", "replace")))
        return None


def party(i, k):
    return {"type": "自然人", "name": f"压测{i}-{k}", "identifier": "120102198001011234", "address": "测试区六纬路1号", "phone": "13800000000"}


def create(c, token, route, kind, body, key, replay):
    s, js, raw = c.call(kind, "POST", "/api/v1/penalty-cases" + route, token, body, key)
    if s != 201:
        with lock:
            unexpected.append((kind, s, raw[:400].decode("utf-8", "replace")))
        return None
    with lock:
        keys_created[key] = js["id"]
        cases[js["id"]] = {"key": key, "steps": [kind], "stage": js["stage"]}
    if replay:
        think()
        s2, js2, raw2 = c.call(kind + "(replay)", "POST", "/api/v1/penalty-cases" + route, token, body, key)
        with lock:
            replays["sent"] += 1
            if s2 == 201 and js2["id"] == js["id"] and js2["version"] == js["version"]:
                replays["same"] += 1
            else:
                unexpected.append((kind + "(replay)", s2, raw2[:400].decode("utf-8", "replace")))
    return {"id": js["id"], "version": js["version"]}


def general(c, acc, i, k, racer):
    head, (o1, o2) = tokens[acc["head"][0]], [tokens[o[0]] for o in acc["officers"]]
    certs = [o[0] for o in acc["officers"]]
    key = f"load-{a.run}-{i}-{k}"
    body = {"powerCode": acc["agency"] + "-C01", "party": party(i, k), "actOn": D(-10), "discoveredOn": D(-3), "filedOn": D(0),
            "caseSummary": "当事人在其经营场所销售不符合标准的商品", "caseSource": "投诉举报", "caseCause": "销售不合格商品", "officers": certs}
    case = create(c, head, "", "file", body, key, replay=(k % 3 == 0))
    if case is None:
        return
    ev = lambda n: {"kind": "勘验笔录、现场笔录", "description": f"现场检查笔录第{n}份", "collectedOn": D(1), "collectors": certs}
    think()
    if racer:
        # Two threads, each with its own connection, send an evidence step based on the same version.
        v = case["version"]
        done = []
        def race(n, tok):
            rc = Client()
            local = {"id": case["id"], "version": v}
            done.append(step(rc, tok, local, "record-evidence", ev(n), expect_version=v))
            rc.conn.close()
        ts = [threading.Thread(target=race, args=(n, t)) for n, t in ((1, o1), (2, o2))]
        for t in ts: t.start()
        for t in ts: t.join()
        if not all(done):
            return
        s, cur, raw = c.call("get", "GET", f"/api/v1/penalty-cases/{case['id']}", o1)
        case["version"] = cur["version"]
    else:
        if not step(c, o1, case, "record-evidence", ev(1)): return
        think()
        if not step(c, o2, case, "record-evidence", ev(2)): return
    fine = 1000
    plan = [
        (o1, "notify", {"notifiedOn": D(2), "kinds": ["罚款"], "fine": fine, "facts": "当事人销售不符合标准的商品",
                        "basis": "《测试区行政执法事项目录》"}),
        (o1, "record-waiver", {"waivedOn": D(2)}),
        (head, "decide", {"decidedOn": D(3), "outcome": "Penalty", "kinds": ["Fine"], "fine": fine}),
        (o2, "serve", {"servedOn": D(3), "method": "直接送达", "place": "当事人经营场所"}),
        (o1, "record-payment", {"paidOn": D(4), "amount": fine, "receiptNumber": f"PJ{i:03d}{k:04d}"}),
        (head, "close", {"closedOn": D(7), "reason": "执行完毕"}),
        (o1, "archive", {"archivedOn": D(8)}),
    ]
    for tok, route, b in plan:
        think()
        if not step(c, tok, case, route, b):
            return


def summary(c, acc, i, k):
    head, o1 = tokens[acc["head"][0]], tokens[acc["officers"][0][0]]
    certs = [o[0] for o in acc["officers"]]
    key = f"load-{a.run}-{i}-{k}"
    body = {"powerCode": acc["agency"] + "-C01", "party": {"type": "自然人", "name": f"简易{i}-{k}"}, "actOn": D(3), "decidedOn": D(3),
            "kinds": ["Fine"], "fine": 100, "facts": "当事人在店外占道堆放货物", "basis": "《测试区行政执法事项目录》", "officers": certs}
    case = create(c, o1, "/summary", "summary", body, key, replay=(k % 3 == 0))
    if case is None:
        return
    for tok, route, b in [(o1, "record-payment", {"paidOn": D(4), "amount": 100, "receiptNumber": f"JY{i:03d}{k:04d}"}),
                          (head, "close", {"closedOn": D(7), "reason": "执行完毕"}), (o1, "archive", {"archivedOn": D(8)})]:
        think()
        if not step(c, tok, case, route, b):
            return


def client(i, barrier, ks):
    acc = accounts[i % len(accounts)]
    c = Client()
    if a.arrivals == "spread":
        local.rng = random.Random(i * 1000 + ks[0])
    barrier.wait()
    if a.arrivals == "spread":
        time.sleep(local.rng.uniform(0, a.think_ms) / 1000)
    for k in ks:
        try:
            if k % 5 == 4:
                summary(c, acc, i, k)
            else:
                general(c, acc, i, k, racer=(i % 5 == 0))
        except Exception as e:  # noqa: BLE001 - reported and counted as a failure
            with lock:
                unexpected.append(("exception", 0, repr(e)))
        think()


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(q * len(xs))) - 1))] if xs else float("nan")


def sql(q):
    r = subprocess.run(a.sql, shell=True, input=q, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"sql failed: {q}\n{r.stderr}")
    return r.stdout.strip()


for acc in accounts:
    for user, pw in [acc["head"]] + acc["officers"]:
        tokens[user] = login(user, pw)
if not a.shared_prefix:
    # The bench agencies' names (测试区第N执法局) all derive the same 机关代字; give each its own, as an administrator must.
    stems = "甲乙丙丁戊己庚辛壬癸"
    for n, acc in enumerate(accounts):
        prefix = "测" + stems[n % 10] + (stems[n // 10] if n >= 10 else "")
        s, js, raw = Client().call("prefix", "PUT", f"/api/v1/agencies/{acc['agency']}/document-prefix", tokens[acc["head"][0]],
                                   {"prefix": prefix})
        if s != 200:
            raise SystemExit(f"document prefix of {acc['agency']}: {s} {raw[:300]!r}")
before_cases, before_entries = int(sql("SELECT count(*) FROM cases;")), int(sql("SELECT count(*) FROM record_entries;"))
lat.clear(); statuses.clear()

def cpu_of(pid, children=False):
    """User+system CPU seconds so far of a process (/proc/PID/stat), with its live children's when asked."""
    def stat(p):
        try:
            fields = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return fields
    total, own = 0.0, stat(pid)
    if own is None:
        return None
    total += int(own[11]) + int(own[12])
    if children:
        for p in os.listdir("/proc"):
            if p.isdigit() and (f := stat(p)) is not None and int(f[1]) == pid:
                total += int(f[11]) + int(f[12])
    return total / os.sysconf("SC_CLK_TCK")


def server_cpu():
    return cpu_of(a.server_pid) if a.server_pid else None


def db_cpu():
    return cpu_of(a.db_pid, children=True) if a.db_pid else None


def run_round(ks):
    """All clients start together behind a barrier and each works through cases ks; returns the wall seconds."""
    barrier = threading.Barrier(a.clients + 1)
    threads = [threading.Thread(target=client, args=(i, barrier, ks)) for i in range(a.clients)]
    for t in threads: t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads: t.join()
    return time.perf_counter() - t0


if a.warmup_cases:
    # A server that has been up for a while has its code compiled and its connections open: one round first (case
    # numbers 9000.. keep the every-third-replayed and every-fifth-summary pattern), then the measured one.
    warm = run_round(range(9000, 9000 + a.warmup_cases))
    warm_files = sorted(lat["file"])
    print(f"warm-up: {a.clients} clients x {a.warmup_cases} cases in {warm:.1f} s (file p95 {pct(warm_files, .95):.0f} ms, "
          f"step p95 {pct([x for k in lat if k not in ('file', 'summary', 'file(replay)', 'summary(replay)', 'get') for x in lat[k]], .95):.0f} ms)")
    lat.clear(); statuses.clear()
    time.sleep(2)
cpu0, db0, own0 = server_cpu(), db_cpu(), os.times()
wall = run_round(range(a.cases))
cpu1, db1, own1 = server_cpu(), db_cpu(), os.times()

# ---- report
all_ms = [x for k, xs in lat.items() if k not in ("get",) for x in xs]
step_kinds = [k for k in lat if k not in ("file", "summary", "file(replay)", "summary(replay)", "get")]
step_ms = [x for k in step_kinds for x in lat[k]]
requests = sum(len(xs) for xs in lat.values())
print(f"clients {a.clients}, cases per client {a.cases}, think time {a.think_ms:g} ms, arrivals {a.arrivals}, dates {D(0)}..{D(8)}")
print(f"wall {wall:.1f} s, requests {requests}, throughput {requests / wall:.1f} req/s, cases {len(cases)} ({len(cases) / wall:.2f}/s)")
own = own1.user + own1.system - own0.user - own0.system
if cpu0 is not None:
    print(f"CPU during the run: server {cpu1 - cpu0:.1f} s ({(cpu1 - cpu0) * 1000 / requests:.2f} ms/request), "
          + (f"PostgreSQL {db1 - db0:.1f} s ({(db1 - db0) * 1000 / requests:.2f} ms/request), " if db0 is not None else "")
          + f"load generator {own:.1f} s ({own * 1000 / requests:.2f} ms/request), wall x 2 cores {2 * wall:.1f} s")
print(f"{'kind':22s} {'n':>6s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'max':>8s}  (ms)")
for k in sorted(lat, key=lambda k: -len(lat[k])):
    xs = lat[k]
    print(f"{k:22s} {len(xs):6d} {pct(xs, .5):8.1f} {pct(xs, .95):8.1f} {pct(xs, .99):8.1f} {max(xs):8.1f}")
print(f"{'ALL STEPS':22s} {len(step_ms):6d} {pct(step_ms, .5):8.1f} {pct(step_ms, .95):8.1f} {pct(step_ms, .99):8.1f} {max(step_ms):8.1f}")
print(f"{'ALL REQUESTS':22s} {len(all_ms):6d} {pct(all_ms, .5):8.1f} {pct(all_ms, .95):8.1f} {pct(all_ms, .99):8.1f} {max(all_ms):8.1f}")
by_status = collections.Counter()
for (k, s), n in statuses.items():
    by_status[s] += n
print("responses by status:", dict(sorted(by_status.items())), "| 409 retried:", races["conflicts"])
for k, s, text in unexpected[:10]:
    print(f"  UNEXPECTED {k} {s}: {text}")

# ---- checks
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

ids = list(keys_created.values())
created = int(sql("SELECT count(*) FROM cases;")) - before_cases
check(not unexpected, f"no unexpected response ({len(unexpected)})")
check(len(set(ids)) == len(ids) == len(keys_created), f"one case per idempotency key: {len(keys_created)} keys, {len(set(ids))} ids")
check(created == len(keys_created), f"cases created in the database ({created}) == distinct keys used ({len(keys_created)})")
check(replays["same"] == replays["sent"], f"retried creations returned the first case: {replays['same']}/{replays['sent']}")
rows = {}
if ids:
    out = sql("SELECT id, version FROM penalty_cases;")
    for line in out.splitlines():
        cid, ver = line.split("|")
        rows[int(cid)] = int(ver)
mismatch = [cid for cid, c in cases.items() if rows.get(cid) != len(c["steps"])]
check(not mismatch, f"each case's version == the steps its clients got 2xx for ({len(cases) - len(mismatch)}/{len(cases)})")
# The API's view of each case: the history lists exactly the steps that succeeded, in a stage consistent with them.
hc, bad = Client(), []
for cid, c in cases.items():
    tok = tokens[accounts[int(c["key"].split("-")[2]) % len(accounts)]["head"][0]]
    s, js, raw = hc.call("verify", "GET", f"/api/v1/penalty-cases/{cid}", tok)
    hist = [h["step"] for h in js["history"]] if s == 200 else None
    if s != 200 or len(hist) != len(c["steps"]) or js["stage"] != c["stage"] or \
            sorted(hist[1:]) != sorted(c["steps"][1:]):
        bad.append((cid, s, hist, c["steps"], js and js.get("stage"), c["stage"]))
check(not bad, f"each case's history and stage == what its clients were told ({len(cases) - len(bad)}/{len(cases)})")
for b in bad[:5]:
    print("  ", b)
archived = sum(1 for c in cases.values() if c["stage"] == "Archived")
print(f"cases archived: {archived}/{len(cases)}")
successful = sum(len(c["steps"]) for c in cases.values())
entries = int(sql("SELECT count(*) FROM record_entries;")) - before_entries
penalty_entries = int(sql("SELECT count(*) FROM record_entries WHERE kind LIKE 'penalty.%';"))
check(entries == successful == penalty_entries,
      f"full-process record entries added ({entries}, penalty.* {penalty_entries}) == successful creations and steps ({successful})")
r = subprocess.run(a.audit, shell=True, capture_output=True, text=True)
check(r.returncode == 0, f"zhifa audit verify exit {r.returncode}: {(r.stdout + r.stderr).strip()[:300]}")
if a.server_pid:
    status = open(f"/proc/{a.server_pid}/status").read()
    for line in status.splitlines():
        if line.startswith(("VmHWM", "VmRSS")):
            print("server", line)
print("RESULT", "PASS" if not failures else "FAIL " + "; ".join(failures))
sys.exit(1 if failures else 0)

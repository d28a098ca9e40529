#!/usr/bin/env bash
# The server answers reads while ingests write (issue 8). A database holds
# 150 articles; `tiegraph serve --token` runs on it; then at the same time
#   - `tiegraph ingest` writes 1,000 more articles into the same SQLite file,
#   - a writer POSTs 20 articles to /api/documents (each rebuilds the
#     server's network snapshot, which then includes the CLI's new rows),
#   - 4 reader threads ask for actors, ego networks, ties, claims and documents.
# Every read must succeed (200, JSON) and be whole: each tie lists exactly
# `count` claims, each ego edge joins two of its nodes, each claim's evidence
# is the document text between its offsets, each document's claim spans lie
# in its text. At the end the database passes integrity_check and holds all
# 1,170 documents.
#   tests/e2e/concurrent_read_write_test.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?usage: concurrent_read_write_test.sh BUILD_DIR}
BIN="$(cd "$BUILD" && pwd)/tiegraph"
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/tiegraph-concurrent.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$HERE/gen_articles.py" "$work/all" 1170 31
mkdir -p "$work/first" "$work/second" "$work/posted"
i=0
for f in "$work"/all/*.txt; do
  if ((i < 150)); then mv "$f" "$work/first/"; elif ((i < 1150)); then mv "$f" "$work/second/"; else mv "$f" "$work/posted/"; fi
  i=$((i + 1))
done
db="$work/net.db"
"$BIN" ingest "$work/first" --db "$db" --quiet

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$db" --port "$port" --token tok --web-root "$work/none" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { echo "FAIL: server did not start"; cat "$work/serve.log"; exit 1; }

"$BIN" ingest "$work/second" --db "$db" --quiet >"$work/ingest.log" 2>&1 &
ingest_pid=$!

python3 - "$port" "$work/posted" "$ingest_pid" <<'PY'
import json, os, sys, threading, time, urllib.error, urllib.parse, urllib.request
port, posted_dir, ingest_pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
errors, counts, lock = [], {"reads": 0, "ties": 0, "claims": 0, "posts": 0}, threading.Lock()
stop = threading.Event()

def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            if r.headers.get("Content-Type", "").split(";")[0] != "application/json":
                raise ValueError(f"content type {r.headers.get('Content-Type')}")
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")

def fail(msg):
    with lock:
        errors.append(msg)

def ingest_running():
    try:
        pid, _ = os.waitpid(ingest_pid, os.WNOHANG)
    except ChildProcessError:
        return os.path.exists(f"/proc/{ingest_pid}")
    return pid == 0

def check_ties(name):
    st, j = get("/api/ties?" + urllib.parse.urlencode({"a": name, "max_claims": 1000, "limit": 1000}))
    if st != 200:
        return fail(f"ties {name}: {st} {j}")
    for t in j["ties"]:
        if t["count"] <= 1000 and len(t["claims"]) != t["count"]:
            fail(f"torn tie {t['id']} of {name}: count {t['count']}, {len(t['claims'])} claims listed")
        for c in t["claims"]:
            if not c.get("evidence"):
                fail(f"claim {c.get('id')} of tie {t['id']} without evidence")
    with lock:
        counts["ties"] += len(j["ties"])

def check_ego(name):
    st, j = get("/api/ego?" + urllib.parse.urlencode({"actor": name, "depth": 2}))
    if st != 200:
        return fail(f"ego {name}: {st} {j}")
    ids = {n["id"] for n in j["nodes"]}
    for e in j["edges"]:
        if e["source"] not in ids or e["target"] not in ids:
            fail(f"ego {name}: edge {e['id']} leaves the node set")

def check_claims_and_documents(name):
    st, j = get("/api/claims?" + urllib.parse.urlencode({"actor": name, "limit": 20}))
    if st != 200:
        return fail(f"claims {name}: {st} {j}")
    docs = {}
    for c in j["claims"]:
        d = c["document"]["id"] if isinstance(c.get("document"), dict) else c.get("document")
        if d not in docs:
            st, docs[d] = get("/api/documents/" + urllib.parse.quote(str(d)))
            if st != 200:
                fail(f"document {d} of a listed claim: {st}")
                docs[d] = None
                continue
            text = docs[d]["text"]
            tb = text.encode("utf-8")
            for dc in docs[d].get("claims", []):
                s, e = dc.get("evidence_start", 0), dc.get("evidence_end", 0)
                if not (0 <= s <= e <= len(tb)):
                    fail(f"document {d}: claim span {s}-{e} outside its text ({len(tb)} bytes)")
        doc = docs.get(d)
        if doc and "evidence_start" in c:
            got = doc["text"].encode("utf-8")[c["evidence_start"]:c["evidence_end"]].decode("utf-8", "replace")
            if c["evidence"] != got:
                fail(f"claim {c['id']}: evidence is not the document's text at its offsets")
    with lock:
        counts["claims"] += len(j["claims"])

def reader(seed):
    n = 0
    while not stop.is_set():
        st, j = get("/api/actors?limit=30")
        if st != 200:
            fail(f"actors: {st} {j}")
            continue
        names = [a["name"] for a in j["actors"]]
        if not names:
            fail("no actors")
            continue
        name = names[(seed + n) % len(names)]
        check_ties(name)
        check_ego(name)
        check_claims_and_documents(name)
        n += 1
        with lock:
            counts["reads"] += 4

def writer():
    for f in sorted(os.listdir(posted_dir)):
        text = open(os.path.join(posted_dir, f), encoding="utf-8").read()
        req = urllib.request.Request(base + "/api/documents", data=json.dumps({"text": text, "title": f}).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer tok"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                if r.status not in (200, 201):
                    fail(f"POST {f}: {r.status}")
        except urllib.error.HTTPError as e:
            fail(f"POST {f}: {e.code} {e.read()[:200]}")
        with lock:
            counts["posts"] += 1

threads = [threading.Thread(target=reader, args=(k * 7,)) for k in range(4)]
w = threading.Thread(target=writer)
start = time.time()
for t in threads: t.start()
w.start()
w.join()
while ingest_running() and time.time() - start < 120:
    time.sleep(0.2)
time.sleep(0.5)  # a few more reads after the last write
stop.set()
for t in threads: t.join()
print(f"concurrent: {time.time() - start:.1f} s, {counts['reads']} reads ({counts['ties']} ties, "
      f"{counts['claims']} claims checked), {counts['posts']} POSTs, {len(errors)} errors")
for e in errors[:20]:
    print("  " + e)
sys.exit(1 if errors or counts["reads"] < 40 else 0)
PY
wait "$ingest_pid" || { echo "FAIL: the concurrent ingest failed:"; cat "$work/ingest.log"; exit 1; }
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ok = db.execute("PRAGMA integrity_check").fetchone()[0]
n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
print(f"after: integrity_check {ok}, {n} documents")
sys.exit(0 if ok == "ok" and n == 1170 else 1)
PY

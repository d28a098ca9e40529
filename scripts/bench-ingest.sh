#!/usr/bin/env bash
# Ingest benchmark (issue 9): end-to-end words/s of `tiegraph ingest` with 1
# and 2 jobs into SQLite, peak RSS and CPU seconds; the same corpus loaded and
# stored with extraction off (where the time goes); the cost of a rerun over
# the stored corpus (resume: every document skipped by content hash).
#
# Usage: scripts/bench-ingest.sh [BUILD] [SHARED] [DOCS] [MIN_WORDS]
#   defaults: build ../shared 20000 10000000
#   BENCH_ONE_JOB_SHARDS=K: the 1-job run reads only the first K of the 4
#   corpus shards (a quarter each), to save time on a busy machine.
# The corpus is generated from ../shared/corpora at run time into
# bench/data/ingest-DOCS (git-ignored, reused by later runs).
set -uo pipefail
build=${1:-build}
shared=${2:-../shared}
docs=${3:-20000}
min_words=${4:-10000000}
bin="$build/tiegraph"
[[ -x "$bin" ]] || { echo "bench-ingest: $bin not built" >&2; exit 1; }
corpus="bench/data/ingest-$docs"
if [[ ! -f "$corpus/corpus-3.jsonl" ]]; then
  python3 bench/gen_corpus.py --shared "$shared" --docs "$docs" --min-words "$min_words" --shards 4 --out "$corpus" ||
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shards=("$corpus"/corpus-*.jsonl)
one_job_shards=${BENCH_ONE_JOB_SHARDS:-4}

# run NAME DB ARGS...: one timed ingest; prints a result line.
run() {
  local name=$1 db=$2
  shift 2
  /usr/bin/time -v -o "$work/$name.time" "$bin" --db "$db" ingest --json --quiet "$@" >"$work/$name.json" 2>"$work/$name.err"
  local rc=$?
  python3 - "$name" "$work/$name.json" "$work/$name.time" "$rc" <<'PY'
import json, re, sys
name, jpath, tpath, rc = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t = open(tpath).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
try:
    j = json.load(open(jpath))
except Exception:
    print(f"{name}: no summary (exit {rc})"); sys.exit(0)
wall = j["seconds"]
cpu = user + sys_
words = j["words"]
print(f"{name:<28} exit {rc}  {j['read']:>6} read {j['stored']:>6} stored {j['duplicates']:>6} skipped {j['failed']:>3} failed"
      f"  {words:>10,} words  wall {wall:7.1f} s  cpu {cpu:7.1f} s  {words / wall if wall else 0:>9,.0f} words/s"
      f"  {words / cpu if cpu else 0:>9,.0f} words/cpu-s  peak RSS {rss:6.0f} MiB")
open(jpath + ".wall", "w").write(f"{wall} {cpu} {j['read']}")
PY
}
echo "== ingest: $docs documents, $(cat "${shards[@]}" | wc -w) words (whitespace), $(du -sh "$corpus" | cut -f1) of JSON Lines; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
run "2 jobs, extract + store" "$work/j2.db" --jobs 2 "${shards[@]}"
run "1 job, extract + store" "$work/j1.db" --jobs 1 "${shards[@]:0:$one_job_shards}"
[[ $one_job_shards != 4 ]] && echo "   (1 job: the first $one_job_shards of 4 shards only)"
run "2 jobs, load + store only" "$work/noext.db" --jobs 2 --no-extract "${shards[@]}"
run "resume: rerun, all stored" "$work/j2.db" --jobs 2 "${shards[@]}"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
def read(n):
    try:
        wall, cpu, n_read = open(f"{w}/{n}.json.wall").read().split()
        return float(wall), float(cpu)
    except Exception:
        return None
full, one, noext, resume = read("2 jobs, extract + store"), read("1 job, extract + store"), read("2 jobs, load + store only"), read("resume: rerun, all stored")
if full and resume:
    print(f"resume cost: {resume[0]:.1f} s wall / {resume[1]:.1f} cpu-s = {100 * resume[0] / full[0]:.2f}% of the wall time,"
          f" {100 * resume[1] / full[1]:.2f}% of the CPU time of extracting and storing the corpus")
if full and noext:
    print(f"loading + storing without extraction: {100 * noext[1] / full[1]:.1f}% of the CPU time of the full ingest")
PY

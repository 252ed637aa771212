#!/usr/bin/env bash
# Route inserts side by side on the same bytes: benches/route_table.rs
# builds ROUTES (default 1,000,000) RTM_NEWROUTE requests with NLM_F_ACK,
# 64 to a datagram, writes them to a file and times iplab's Socket::send on
# them; benches/route_insert.c (compiled here with cc) sends the same file
# to the running kernel in a throwaway namespace (`unshare --net`) and reads
# the acknowledgements. Prints one table. Needs root, unshare and cc.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${ROUTES:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O2 -Wall -o "$dir/route_insert" benches/route_insert.c
iplab=$(ROUTES=$count ROUTE_BATCHES_OUT="$dir/batches" cargo bench -q --bench route_table 2>/dev/null | grep '^iplab ')
kernel=$(unshare --net bash -c "
ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/8 dev v0
'$dir/route_insert' '$dir/batches'")
python3 - "$iplab" "$kernel" <<'PY'
import sys
_, n, fi, ti, ci = sys.argv[1].split()
nk, fk, tk, ck = sys.argv[2].split()
n, nk = int(n), int(nk)
ti, tk, ci, ck = float(ti), float(tk), float(ci), float(ck)
print("| What | iplab (`Socket::send`) | Linux (raw socket) | ratio |")
print("|---|---|---|---|")
print("| routes inserted, in datagrams of 64 with NLM_F_ACK | %d (%s refused) | %d (%s refused) | |" % (n, fi, nk, fk))
print("| wall clock per route | %.0f ns | %.0f ns | %.1f× |" % (ti * 1e9 / n, tk * 1e9 / nk, (tk / nk) / (ti / n)))
print("| CPU time per route (user + system) | %.0f ns | %.0f ns | %.1f× |" % (ci * 1e9 / n, ck * 1e9 / nk, (ck / nk) / (ci / n) if ci > 0 else 0))
PY

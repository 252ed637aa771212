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
_, n, fi, ti = sys.argv[1].split()
nk, fk, tk = sys.argv[2].split()
n, nk, ti, tk = int(n), int(nk), float(ti), float(tk)
print("| What | iplab (`Socket::send`) | Linux (raw socket) |")
print("|---|---|---|")
print("| routes inserted, in datagrams of 64 with NLM_F_ACK | %d (%s refused) | %d (%s refused) |" % (n, fi, nk, fk))
print("| total | %.3f s | %.3f s |" % (ti, tk))
print("| per route | %.1f ns | %.1f ns |" % (ti * 1e9 / n, tk * 1e9 / nk))
print("| ratio | %.1f× faster | |" % (tk / nk / (ti / n)))
PY

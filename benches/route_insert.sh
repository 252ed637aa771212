#!/usr/bin/env bash
# Route inserts side by side on the same bytes: benches/route_table.rs
# builds ROUTES (default 1,000,000) RTM_NEWROUTE requests with NLM_F_ACK,
# 64 to a datagram, writes them to a file and times iplab's Socket::send on
# them (native); benches/route_insert_wasm.mjs sends the same file through
# the npm package's module under Node (pkg/, `npm run build:pkg`; another
# build with PKG=DIR); benches/route_insert.c (compiled here with cc) sends
# it to the running kernel in a throwaway namespace (`unshare --net`) and
# reads the acknowledgements. Prints one table, with the load average
# before and after. Needs root, unshare, cc and node.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${ROUTES:-1000000}
pkg=${PKG:-pkg}
if [ ! -f "$pkg/node.js" ] || [ ! -f "$pkg/iplab_bg.wasm" ]; then
  echo "route_insert.sh: no package in $pkg/ (npm run build:pkg, or PKG=DIR)" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O2 -Wall -o "$dir/route_insert" benches/route_insert.c
cargo bench -q --bench route_table --no-run 2>/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
iplab=$(ROUTES=$count ROUTE_BATCHES_OUT="$dir/batches" cargo bench -q --bench route_table 2>/dev/null | grep '^iplab ')
wasm=$(node benches/route_insert_wasm.mjs "$dir/batches" "$pkg")
kernel=$(unshare --net bash -c "
ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/8 dev v0
'$dir/route_insert' '$dir/batches'")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$iplab" "$wasm" "$kernel" "$(uname -r)" "$(node --version)" "$load_before" "$load_after" <<'PY'
import sys
iplab, wasm, kernel, release, node, before, after = sys.argv[1:]
rows = [("iplab, native (`Socket::send`)", iplab.split()[1:])]
names = {"wasm-joined": "iplab, wasm under Node %s (`socket.sendJoined`)" % node,
         "wasm-array": "iplab, wasm under Node %s (`socket.send`)" % node}
for line in wasm.splitlines():
    label, *fields = line.split()
    rows.append((names.get(label, label), fields))
rows.append(("Linux %s (raw socket)" % release, kernel.split()))
_, _, kt, kc = rows[-1][1]
kn = int(rows[-1][1][0])
print("Load average before: %s; after: %s." % (before, after))
print()
print("| Who | routes (refused) | wall clock per route | CPU time per route | Linux's CPU time ÷ this |")
print("|---|---|---|---|---|")
for name, (n, failed, t, c) in rows:
    n, t, c = int(n), float(t), float(c)
    ratio = (float(kc) / kn) / (c / n) if c > 0 else 0
    print("| %s | %d (%s) | %.0f ns | %.0f ns | %.1f× |" % (name, n, failed, t * 1e9 / n, c * 1e9 / n, ratio))
PY

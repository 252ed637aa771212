#!/usr/bin/env bash
# Times the same 1M route insertions on the real kernel with `ip -batch`
# (in a throwaway namespace), for the side-by-side ratio with
# `cargo bench --bench route_table`. Needs root and unshare.
set -euo pipefail
count=${ROUTES:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$count" > "$dir/batch" <<'PY'
import sys
# Same generator and mix as benches/route_table.rs.
M=(1<<64)-1
s=0x123456789abcdef1
def nxt():
    global s
    s^=s>>12; s^=(s<<25)&M; s^=s>>27
    return (s*0x2545f4914f6cdd1d)&M
def plen(r):
    r%=1000
    for hi,l in [(599,24),(699,22),(779,23),(839,21),(889,20),(929,19),(959,16),(974,18),(984,17),(989,15),(992,14),(994,12),(995,8),(997,25),(998,28)]:
        if r<=hi: return l
    return 32
n=int(sys.argv[1]); seen=set(); out=0
while out<n:
    l=plen(nxt()); a=(nxt()>>32)&0xffffffff
    m=0 if l==0 else (0xffffffff<<(32-l))&0xffffffff
    p=a&m
    if p>>24 in (10,127) or p>>28>=14 or p==0: continue
    if (p,l) in seen: continue
    seen.add((p,l)); out+=1
    print("route add %d.%d.%d.%d/%d via 10.0.0.254 proto static" % (p>>24,(p>>16)&255,(p>>8)&255,p&255,l))
PY
unshare --net bash -c "
ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/8 dev v0
start=\$(date +%s.%N); ip -batch $dir/batch; end=\$(date +%s.%N)
python3 -c \"print('kernel: %d routes in %.3f s: %.1f ns per route' % ($count, \$end-\$start, (\$end-\$start)*1e9/$count))\"
"

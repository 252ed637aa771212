# tests/record/normalize.sed - the one normalisation filter of the conformance
# transcripts (tests/golden/*.out).
#
# Applied as `sed -E -f tests/record/normalize.sed` to the transcript recorded
# on Linux and to the simulator's transcript before they are compared
# (tests/scenarios.rs, and `tests/record/record-scenarios.sh --check`).
#
# A rule may only rewrite a field that really differs from one run to the next
# on Linux, and must say which field and why, in a comment above it. Keep it
# minimal: everything a rule rewrites is no longer checked.
#
# Everything else that would vary (kernel-chosen MAC addresses, neighbour hash
# order, lifetimes counting down, -d/-s values that depend on the machine or on
# background traffic) is kept out of the scenarios instead. See
# tests/record/README.md, "Rules for writing a scenario". The rules below only
# touch the clock readings of ping and traceroute; each run measures them anew.

# ping, one reply: `64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.045 ms`.
# The round-trip time is measured (and its precision follows its size).
s/ time=[0-9]+(\.[0-9]+)? ms/ time=T ms/

# ping statistics: `3 packets transmitted, 3 received, 0% packet loss, time 405ms`.
# The time from the first to the last probe sent, measured by the clock.
s/(% packet loss, time )[0-9]+ms/\1Tms/

# ping statistics: `rtt min/avg/max/mdev = 0.036/0.143/0.349/0.145 ms`, the
# measured round-trip times (a `, pipe N` after them is kept).
s/^rtt min\/avg\/max\/mdev = [0-9.]+\/[0-9.]+\/[0-9.]+\/[0-9.]+ ms/rtt min\/avg\/max\/mdev = T\/T\/T\/T ms/

# traceroute, one hop: ` 2  10.0.12.2  0.087 ms  0.051 ms !H`. Each probe's
# round-trip time is measured (always three decimals, two spaces before it).
s/  [0-9]+\.[0-9]{3} ms/  T ms/g

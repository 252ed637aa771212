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

# --- Sockets, jobs and captures (nc, curl, ss, tcpdump, http.server) ---

# A background job's launch line, `[1] 12345`: the process id is whatever
# the kernel handed out.
s/^(\[[0-9]+\]) [0-9]+$/\1 PID/

# Ephemeral ports (net.ipv4.ip_local_port_range 32768-60999) are picked at
# random: `10.0.0.1:46964` in ss, `10.0.0.1.46964 >` in tcpdump. Always five
# digits, so ss's columns keep their width.
s/([0-9][:.])(3276[89]|327[7-9][0-9]|32[89][0-9]{2}|3[3-9][0-9]{3}|[45][0-9]{4}|60[0-9]{3})\b/\1PPPPP/g

# tcpdump's timestamp at the start of each packet line is a clock reading.
s/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} /HH:MM:SS.UUUUUU /

# TCP initial sequence numbers are random (absolute seq/ack in SYN and RST
# lines; relative numbers after the handshake are small and kept).
s/\b(seq|ack) [0-9]{6,}/\1 ISN/g

# TCP timestamp values count from a random per-connection offset (an echo
# of 0 in a SYN is kept).
s/TS val [0-9]+ ecr [1-9][0-9]*/TS val T ecr T/g
s/TS val [0-9]+ ecr 0/TS val T ecr 0/g

# The identifier of ping's echo requests is its process id; the IP ID of a
# connected socket's datagrams starts at random (tcpdump -v).
s/(ICMP echo (request|reply), id )[0-9]+/\1ID/g
s/\(tos (0x[0-9a-f]+), ttl ([0-9]+), id [0-9]+,/(tos \1, ttl \2, id ID,/

# Checksums that cover random fields (ISN, timestamps, ports); a locally
# sent segment is captured before its checksum is filled in ("incorrect").
s/cksum 0x[0-9a-f]{1,4} \(correct\)/cksum C (correct)/g
s/\(incorrect -> 0x[0-9a-f]{1,4}\)/(incorrect -> C)/g

# python3 -m http.server logs the wall-clock time of each request, and
# sends it in the Date header (bold on a terminal in curl -I).
s/ \[[0-9]{2}\/[A-Z][a-z]{2}\/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}\] / [DATE] /
s/^(< |\x1b\[1m)?Date(\x1b\[0m)?: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT/\1Date\2: DATE/

# curl measures how long a connect took before it failed or timed out.
s/ after [0-9]+ (ms|milliseconds)/ after T \1/

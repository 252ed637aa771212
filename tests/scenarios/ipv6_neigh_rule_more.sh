# IPv6 neighbours and rules: add, change, show filters, flush
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 neigh add 2001:db8::2 lladdr 02:00:00:00:00:22 dev v0
ip -6 neigh show dev v0
ip -6 neigh change 2001:db8::2 lladdr 02:00:00:00:00:23 dev v0 nud stale
ip -6 neigh show dev v0
ip -6 neigh add fe80::2 lladdr 02:00:00:00:00:24 dev v0 router nud reachable
ip -6 neigh show dev v0 nud reachable
ip -6 neigh del 2001:db8::2 dev v0
ip -6 neigh show dev v0 nud all
ip -6 rule add from 2001:db8::/64 lookup 100 pref 100
ip -6 rule add to 2001:db8:1::/48 lookup 200 pref 200
ip -6 rule add fwmark 5 lookup 300 pref 300
ip -6 rule show
ip -6 rule del pref 200
ip -6 rule show pref 100
ip -6 route add 2001:db8:9::/48 dev v0 table 100
ip -6 route get 2001:db8:9::1 from 2001:db8::1
ip -6 route get 2001:db8:9::1

# rules with iif/oif on existing and missing devices, suppress_prefixlength, l3mdev-free lookups
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip rule add iif v0 table 10
ip rule add oif v1 table 20
ip rule add iif nosuch table 30
ip rule add from all lookup main suppress_prefixlength 0
ip rule add from all lookup main suppress_ifgroup 5
ip rule
ip link add nosuch address 02:00:00:00:00:05 type veth peer name nosuch2 address 02:00:00:00:00:06
ip rule
ip link del nosuch
ip rule
ip -j rule show
ip rule del iif nosuch
ip rule del suppress_prefixlength 0
ip -6 rule add iif v0 table 10
ip -6 rule add from 2001:db8::/32 to 2001:db8:1::/48 table 11 pref 100
ip -6 rule
ip -6 rule flush
ip -6 rule

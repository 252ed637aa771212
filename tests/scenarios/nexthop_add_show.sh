# next-hop objects: single next hops of every kind, listed as text, JSON and with details
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 1 dev lo
ip nexthop add id 2 via 10.0.0.2 dev d0
ip nexthop add id 3 via 10.0.0.3 dev d0 onlink
ip nexthop add id 4 blackhole
ip nexthop add id 5 via 2001:db8::2 dev d0
ip nexthop add id 6 via 10.0.0.6 fdb
ip nexthop add id 0 dev d0
ip nexthop add dev d0
ip nexthop add id 20 dev d0 protocol static
ip -6 nexthop add id 21 dev d0
ip nexthop
ip nexthop list
ip -j nexthop show
ip -j -p nexthop show id 2
ip -d nexthop
ip -s nexthop

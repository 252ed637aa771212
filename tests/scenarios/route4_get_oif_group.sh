# IPv4 lookups with an output device through a next-hop group and a multipath route: fib_select_path does no hash choice when the flow has an oif, the next hop through it that fib_table_lookup found stays (nexthop_get_nhc_lookup, fib_lookup_good_nhc)
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d1 up
ip link set d3 up
ip link set d0 up
ip link set d2 up
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.1.1/24 dev d2
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.1.2 dev d2
ip nexthop add id 3 via 10.0.0.3 dev d0
ip nexthop add id 10 group 1/2/3
ip route add 198.51.100.0/24 nhid 10
ip route add 198.51.101.0/24 nexthop via 10.0.0.2 dev d0 nexthop via 10.0.1.2 dev d2 nexthop via 10.0.0.3 dev d0
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 198.51.100.9 ipproto udp sport 1000 dport 53
ip -o route get 198.51.100.9 ipproto udp sport 1001 dport 53
ip -o route get 198.51.100.9 oif d0 ipproto udp sport 1001 dport 53
ip -o route get 198.51.100.9 oif d2 ipproto udp sport 1000 dport 53
ip -o route get 198.51.100.9 from 10.0.0.1 oif d2 ipproto udp sport 1002 dport 53
ip -o route get 198.51.101.9 ipproto udp sport 1003 dport 53
ip -o route get 198.51.101.9 oif d0 ipproto udp sport 1003 dport 53
ip -o route get 198.51.101.9 oif d2 ipproto udp sport 1004 dport 53
ip -o route get 198.51.101.9 from 10.0.1.1 oif d0 ipproto udp sport 1005 dport 53

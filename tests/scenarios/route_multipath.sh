# multipath routes with nexthop via ... weight
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v2
ip route add 10.0.0.0/8 nexthop via 192.0.2.254 weight 1 nexthop via 198.51.100.254 weight 3
ip route add default nexthop via 192.0.2.254 dev v0 nexthop via 198.51.100.254 dev v2
ip route
ip -j -p route show 10.0.0.0/8
ip route add 172.16.0.0/12 nexthop via 192.0.2.254 nexthop via 203.0.113.1
ip route add 172.16.0.0/12 nexthop via 192.0.2.254 weight 0
ip route del 10.0.0.0/8
ip -6 route add 2001:db8::/32 nexthop via fe80::1 dev v0 nexthop via fe80::2 dev v2
ip -6 route show 2001:db8::/32
ip link set v2 down
ip route
ip -6 route show 2001:db8::/32

# the IPv6 multipath choice follows rt6_multipath_hash with the IPv4 seed: policy 0 (addresses), then 1 (ports)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.11/24 dev v0
ip -6 addr add fd00::1/64 dev v0 nodad
ip route add 10.9.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 2 nexthop via 10.0.0.4
ip -6 route add fd09::/64 nexthop via fd00::2 dev v0 nexthop via fd00::3 dev v0 nexthop via fd00::4 dev v0
sysctl -w net.ipv4.fib_multipath_hash_seed=3735928559
ip -o -6 route get fd09::13 from fd00::1
ip -o -6 route get fd09::26 from fd00::1
ip -o -6 route get fd09::39 from fd00::1
ip -o -6 route get fd09::52 from fd00::1
ip -o -6 route get fd09::65 from fd00::1
ip -o -6 route get fd09::78 from fd00::1
ip -o -6 route get fd09::91 from fd00::1
ip -o -6 route get fd09::104 from fd00::1
ip -o -6 route get fd09::117 from fd00::1
ip -o -6 route get fd09::130 from fd00::1
sysctl -w net.ipv6.fib_multipath_hash_policy=1
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2011 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2022 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2033 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2044 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2055 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2066 dport 53
ip -o -6 route get fd09::1 from fd00::1 ipproto udp sport 2077 dport 53
sysctl net.ipv4.fib_multipath_hash_seed

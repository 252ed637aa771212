# the IPv4 multipath choice follows fib_multipath_hash with a fixed seed: policy 0 (addresses), then 1 (ports)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.11/24 dev v0
ip -6 addr add fd00::1/64 dev v0 nodad
ip route add 10.9.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 2 nexthop via 10.0.0.4
ip -6 route add fd09::/64 nexthop via fd00::2 dev v0 nexthop via fd00::3 dev v0 nexthop via fd00::4 dev v0
sysctl -w net.ipv4.fib_multipath_hash_seed=1
ip -o route get 10.9.1.7 from 10.0.0.1
ip -o route get 10.9.2.14 from 10.0.0.1
ip -o route get 10.9.3.21 from 10.0.0.1
ip -o route get 10.9.4.28 from 10.0.0.1
ip -o route get 10.9.5.35 from 10.0.0.1
ip -o route get 10.9.6.42 from 10.0.0.1
ip -o route get 10.9.7.49 from 10.0.0.1
ip -o route get 10.9.8.56 from 10.0.0.1
ip -o route get 10.9.0.1 from 10.0.0.11
ip -o route get 10.9.0.2 from 10.0.0.11
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1037 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1074 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1111 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1148 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1185 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto udp sport 1222 dport 53
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto tcp sport 40001 dport 443
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto tcp sport 40002 dport 443
ip -o route get 10.9.0.1 from 10.0.0.1 ipproto tcp sport 40003 dport 443

# policy 1 hashes inet_rtm_getroute's default protocol (UDP) and zero ports when ip route get names none
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.11/24 dev v0
ip -6 addr add fd00::1/64 dev v0 nodad
ip route add 10.9.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 2 nexthop via 10.0.0.4
ip -6 route add fd09::/64 nexthop via fd00::2 dev v0 nexthop via fd00::3 dev v0 nexthop via fd00::4 dev v0
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 10.9.1.3 from 10.0.0.1
ip -o route get 10.9.2.6 from 10.0.0.1
ip -o route get 10.9.3.9 from 10.0.0.1
ip -o route get 10.9.4.12 from 10.0.0.1
ip -o route get 10.9.5.15 from 10.0.0.1
ip -o route get 10.9.6.18 from 10.0.0.1
ip -o route get 10.9.7.21 from 10.0.0.1
ip -o route get 10.9.8.24 from 10.0.0.1
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp
ip -o route get 10.9.2.6 from 10.0.0.1 ipproto udp
ip -o route get 10.9.3.9 from 10.0.0.1 ipproto udp
ip -o route get 10.9.4.12 from 10.0.0.1 ipproto udp
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto icmp
ip -o route get 10.9.2.6 from 10.0.0.1 ipproto icmp
ip -o route get 10.9.3.9 from 10.0.0.1 ipproto icmp
ip -o route get 10.9.4.12 from 10.0.0.1 ipproto icmp

# IPv6 routes through a hash-threshold group take the member the group's upper bounds pick for the flow's hash
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr add fd00::1/64 dev v0 nodad
ip nexthop add id 6 via fd00::2 dev v0
ip nexthop add id 7 via fd00::3 dev v0
ip nexthop add id 8 via fd00::4 dev v0
ip nexthop add id 16 group 6/7,3/8
ip -6 route add fd09::/64 nhid 16
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv6.fib_multipath_hash_policy=1
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1000 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1001 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1002 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1003 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1004 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1005 dport 53
ip -o -6 route get fd09::7 ipproto tcp sport 2000 dport 80
ip -o -6 route get fd09::7 ipproto tcp sport 2001 dport 80
ip -o -6 route get fd09::7 ipproto tcp sport 2002 dport 80
ip -o -6 route get fd09::7 ipproto tcp sport 2003 dport 80

# an IPv6 route through a one-member resilient group still reads a bucket (fib6_select_path asks a group for any number of paths), so that bucket keeps its member when the group grows
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr add fd00::1/64 dev v0 nodad
ip nexthop add id 6 via fd00::2 dev v0
ip nexthop add id 7 via fd00::3 dev v0
ip nexthop add id 16 group 6 type resilient buckets 2 idle_timer 100
ip -6 route add fd09::/64 nhid 16
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv6.fib_multipath_hash_policy=1
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1000 dport 53
ip nexthop replace id 16 group 6/7 type resilient
ip nexthop bucket show
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1000 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1001 dport 53
ip -o -6 route get fd09::5 from fd00::1 ipproto udp sport 1002 dport 53

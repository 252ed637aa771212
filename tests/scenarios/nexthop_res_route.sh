# routes through a resilient group take the member of bucket hash % buckets (nexthop_select_path_res)
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d0 up
ip link set d1 up
ip link set d2 up
ip link set d3 up
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.1.1/24 dev d2
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.1.2 dev d2
ip nexthop add id 3 via 10.0.0.3 dev d0
ip nexthop add id 10 group 1/2/3 type resilient buckets 16
ip route add 10.9.0.0/16 nhid 10
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1000 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1001 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1002 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1003 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1004 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1005 dport 53
ip -o route get 10.9.7.7 ipproto tcp sport 3000 dport 80
ip -o route get 10.9.7.7 ipproto tcp sport 3001 dport 80
ip -o route get 10.9.7.7 ipproto tcp sport 3002 dport 80
ip -o route get 10.9.7.7 ipproto tcp sport 3003 dport 80
ip route show 10.9.0.0/16
ip -d route show 10.9.0.0/16

# routes through a hash-threshold group: each flow takes the member nexthop_select_path_hthr picks from the upper bounds of the weights, not the source address's device
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 dev v2
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.1.2 dev v2
ip nexthop add id 3 via 10.0.0.3 dev v0
ip nexthop add id 10 group 1/2,2/3
ip route add 10.9.0.0/16 nhid 10
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1000 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1001 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1002 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto udp sport 1003 dport 53
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto tcp sport 2000 dport 80
ip -o route get 10.9.1.3 from 10.0.0.1 ipproto tcp sport 2001 dport 80
ip -o route get 10.9.1.3 from 10.0.1.1 ipproto tcp sport 2004 dport 80
ip -o route get 10.9.1.3 from 10.0.1.1 ipproto tcp sport 2005 dport 80
ip -o route get 10.9.7.7 ipproto udp sport 3000 dport 53
ip -o route get 10.9.7.7 ipproto udp sport 3001 dport 53
ip -o route get 10.9.7.7 ipproto udp sport 3002 dport 53
ip -o route get 10.9.7.7 ipproto udp sport 3003 dport 53

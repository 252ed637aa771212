# resilient groups: buckets a route lookup used stay with their member until they have been idle for idle_timer (nh_res_bucket_should_migrate), the table unbalanced meanwhile; ping lets the time pass
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 10 group 1/2 type resilient buckets 2 idle_timer 10
ip route add 10.9.0.0/16 nhid 10
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv4.fib_multipath_hash_policy=1
ip -o route get 10.9.1.3 ipproto udp sport 1000 dport 53
ip -o route get 10.9.1.3 ipproto udp sport 1001 dport 53
ip -o route get 10.9.1.3 ipproto udp sport 1002 dport 53
ip -o route get 10.9.1.3 ipproto udp sport 1003 dport 53
ip nexthop replace id 10 group 1,3/2 type resilient
ip nexthop show id 10
ip nexthop bucket show
ping -c 7 -i 1 -q 10.0.0.1
ping -c 7 -i 1 -q 10.0.0.1
ip nexthop show id 10
ip nexthop bucket show
ip -o route get 10.9.1.3 ipproto udp sport 1000 dport 53
ip -o route get 10.9.1.3 ipproto udp sport 1001 dport 53

# net.ipv4.nexthop_compat_mode 0: routes through objects are dumped with only their nhid, for both families
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 21 via 10.0.0.2 dev d0
ip nexthop add id 22 via 10.0.0.3 dev d0
ip nexthop add id 23 via 2001:db8::2 dev d0
ip nexthop add id 122 group 21/22
ip route add 172.16.101.1/32 nhid 122
ip route add 172.16.102.1/32 nhid 21
ip -6 route add 2001:db8:9::/64 nhid 23
sysctl net.ipv4.nexthop_compat_mode
sysctl -w net.ipv4.nexthop_compat_mode=0
ip route
ip -6 route
ip -d route show 172.16.102.1
ip route get 172.16.102.1
sysctl -w net.ipv4.nexthop_compat_mode=1
ip route

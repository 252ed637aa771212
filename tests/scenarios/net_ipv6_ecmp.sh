# an IPv6 multipath route over two link-local next hops to routers that both own the destination
ip netns add h1
ip netns add r1
ip netns add r2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add e3 address 02:00:00:00:03:01 netns h1 type veth peer name a3 address 02:00:00:00:03:02 netns r2
ip -n h1 addr add fd00:1::2/64 dev e1 nodad
ip -n h1 addr add fd00:3::2/64 dev e3 nodad
ip -n r1 addr add fd00:1::1/64 dev a1 nodad
ip -n r2 addr add fd00:3::1/64 dev a3 nodad
ip -n r1 addr add fd00:9::9/128 dev a1 nodad
ip -n r2 addr add fd00:9::9/128 dev a3 nodad
ip -n h1 link set e1 up
ip -n h1 link set e3 up
ip -n r1 link set a1 up
ip -n r2 link set a3 up
ip -n h1 route add fd00:9::9 nexthop via fe80::ff:fe00:102 dev e1 nexthop via fe80::ff:fe00:302 dev e3
ip -n h1 -6 route show fd00:9::9
ip netns exec h1 ping -6 -c 3 -i 0.2 fd00:9::9
ip netns exec h1 traceroute -6 -n -q 1 -w 1 -N 1 fd00:9::9
ip -n h1 route del fd00:9::9 via fe80::ff:fe00:302 dev e3
ip -n h1 -6 route show fd00:9::9
ip netns exec h1 ping -6 -c 1 fd00:9::9
ip -n h1 route get fd00:9::9

# policy routing by firewall mark: ping -m picks the table of a fwmark rule
ip netns add h1
ip netns add r1
ip netns add r2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add e3 address 02:00:00:00:03:01 netns h1 type veth peer name a3 address 02:00:00:00:03:02 netns r2
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n h1 addr add 10.0.3.2/24 dev e3
ip -n r1 addr add 10.0.1.1/24 dev a1
ip -n r2 addr add 10.0.3.1/24 dev a3
ip -n h1 link set e1 up
ip -n h1 link set e3 up
ip -n r1 link set a1 up
ip -n r2 link set a3 up
ip netns exec r1 sysctl -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -w net.ipv4.ip_forward=1
ip -n h1 route add 192.0.2.0/24 via 10.0.1.1
ip -n h1 route add 192.0.2.0/24 via 10.0.3.1 table 7
ip -n h1 rule add fwmark 7 table 7
ip netns exec h1 ping -c 1 192.0.2.9
ip netns exec h1 ping -c 1 -m 7 192.0.2.9
ip netns exec h1 ping -c 1 -m 8 192.0.2.9
ip -n h1 route get 192.0.2.9 mark 7
ip -n h1 route get 192.0.2.9 mark 8

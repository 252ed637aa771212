# policy routing: a rule sends traffic from the second address through a second table and router
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
ip -n h1 route add default via 10.0.1.1
ip -n h1 route add default via 10.0.3.1 table 100
ip -n h1 rule add from 10.0.3.2 lookup 100
ip -n h1 rule
ip netns exec h1 ping -c 1 192.0.2.9
ip netns exec h1 ping -c 1 -I 10.0.3.2 192.0.2.9
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 -m 2 -s 10.0.3.2 192.0.2.9
ip -n h1 route get 192.0.2.9
ip -n h1 route get 192.0.2.9 from 10.0.3.2
ip netns exec h1 ping -c 1 -I e3 192.0.2.9
ip -n h1 rule del from 10.0.3.2 lookup 100
ip netns exec h1 ping -c 1 -I 10.0.3.2 192.0.2.9

# ping failing before a packet leaves: no route, bad interface, bad source, bad options
ip netns add h1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01
ip -n h1 addr add 10.0.0.1/24 dev e1
ip netns exec h1 ping -c 1 10.0.0.2
ip -n h1 link set e1 up
ip netns exec h1 ping -c 1 192.0.2.1
ip netns exec h1 ping -c 1 -I nope 10.0.0.2
ip netns exec h1 ping -c 1 -I 10.9.9.9 10.0.0.2
ip netns exec h1 ping -6 -c 1 2001:db8::1
ip netns exec h1 ping -4 -c 1 2001:db8::1
ip netns exec h1 ping -c 1 -s 70000 10.0.0.2
ip netns exec h1 ping -c 1 -t 0 10.0.0.2
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h1 ping -c 1 127.0.0.1
ip netns exec h1 ping -q -c 1 10.0.0.1
ip -n h1 link set lo up
ip netns exec h1 ping -c 1 127.0.0.1
ip netns exec h1 ping -c 1 10.0.0.1

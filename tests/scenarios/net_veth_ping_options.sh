# ping options between two hosts: quiet, packet sizes, interface, deadline
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 2 -i 0.2 -q 10.0.0.2
ip netns exec h1 ping -c 1 -s 1000 10.0.0.2
ip netns exec h1 ping -c 1 -s 0 10.0.0.2
ip netns exec h1 ping -c 1 -s 16 10.0.0.2
ip netns exec h1 ping -c 2 -i 0.2 -I e1 10.0.0.2
ip netns exec h1 ping -c 1 -I 10.0.0.1 10.0.0.2
ip netns exec h1 ping -4 -c 1 -W 1 -n 10.0.0.2
ip netns exec h1 ping -c 1 -t 1 10.0.0.2
ip netns exec h1 ping -w 1 -i 0.4 10.0.0.2
ip netns exec h1 ping -c 1 -s 1472 -M do 10.0.0.2
ip netns exec h1 ping -c 1 -s 1473 -M do 10.0.0.2

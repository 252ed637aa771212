# pinging an address on the link that nobody owns: three ARP probes, then Destination Host Unreachable
sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns add h1
ip netns exec h1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01
ip link set e2 up
ip -n h1 link set lo up
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h1 link set e1 up
ip netns exec h1 ping -c 2 -i 0.2 -W 4 10.0.0.9
ip -n h1 neigh
ip -n h1 -s link show e1
ip -s link show e2
ip netns exec h1 ping -c 1 -W 1 -q 10.0.0.9
ip -n h1 neigh show 10.0.0.9

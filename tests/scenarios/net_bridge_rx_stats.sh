# ip -s link on a bridge (no snooping: no IGMP reports of its own) with an address: what goes up to it counts without the Ethernet header
sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns add h1
ip netns add sw
ip netns exec h1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec sw sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip -n sw link add br0 address 02:00:00:00:00:01 type bridge mcast_snooping 0
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name p1 address 02:00:00:00:01:02 netns sw
ip -n sw link set p1 master br0
ip -n sw link set p1 up
ip -n sw link set br0 up
ip -n sw addr add 10.0.0.254/24 dev br0
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h1 link set e1 up
ip netns exec h1 ping -c 2 -i 0.2 -q 10.0.0.254
ip -n sw -s link show br0
ip -n sw -s link show p1
ip -n h1 -s link show e1
ip netns exec h1 ping -c 1 -s 1000 -q 10.0.0.254
ip -n sw -s link show br0

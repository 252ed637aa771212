# three hosts on a bridge: the forwarding database after traffic, filtered by port, and a static entry
ip netns add h1
ip netns add h2
ip netns add h3
ip netns add sw
ip netns exec h1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h3 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec sw sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip -n sw link add br0 address 02:00:00:00:00:01 type bridge
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name p1 address 02:00:00:00:01:02 netns sw
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name p2 address 02:00:00:00:02:02 netns sw
ip link add e3 address 02:00:00:00:03:01 netns h3 type veth peer name p3 address 02:00:00:00:03:02 netns sw
ip -n sw link set p1 master br0 up
ip -n sw link set p2 master br0 up
ip -n sw link set p3 master br0 up
ip -n sw link set br0 up
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h3 addr add 10.0.0.3/24 dev e3
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h3 link set e3 up
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h3 ping -c 1 10.0.0.1
bridge -n sw fdb show dynamic
bridge -n sw fdb show brport p3
bridge -n sw fdb add 02:00:00:00:09:09 dev p2 master static
bridge -n sw fdb show br br0 dynamic
bridge -n sw link show dev p1
bridge -n sw fdb del 02:00:00:00:09:09 dev p2 master static

# learning moves a static entry to the port its station is heard on, never a permanent one: frames to a permanent entry go up to the bridge
ip netns add h1
ip netns add h2
ip netns add sw
ip netns exec h1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec sw sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip -n sw link add br0 address 02:00:00:00:00:01 type bridge
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name p1 address 02:00:00:00:01:02 netns sw
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name p2 address 02:00:00:00:02:02 netns sw
ip -n sw link set p1 master br0 up
ip -n sw link set p2 master br0 up
ip -n sw link set br0 up
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
bridge -n sw fdb add 02:00:00:00:01:01 dev p2 master static
bridge -n sw fdb add 02:00:00:00:02:01 dev p1 master
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
bridge -n sw fdb show br br0 dynamic
bridge -n sw fdb show dev p1

# lo under IPv6's minimum MTU keeps its inet6_dev (addrconf_ifdown(dev, dev != loopback_dev)): addresses go, new ones may be added, ::1 does not come back
ip link set lo up
ip addr add 2001:db8::1/64 dev lo
ip -6 addr show dev lo
ip link set lo mtu 1000
ip -6 addr show dev lo
ip -d link show lo
ip -6 route show table all
ip addr add 2001:db8::2/64 dev lo
ip -6 addr show dev lo
ip link set lo mtu 65536
ip -6 addr show dev lo
ip -6 route show table all
ip neigh add 2001:db8::7 dev lo lladdr 02:00:00:aa:00:01
ip -6 neigh show dev lo

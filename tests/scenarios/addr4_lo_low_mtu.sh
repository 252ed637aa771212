# lo under IPv4's minimum MTU (68) loses its in_device (inetdev_event NETDEV_CHANGEMTU: inetdev_destroy), back at 68 or more gets an empty one (inetdev_init)
ip link set lo up
ip addr add 10.0.2.3/16 dev lo
ip neigh add 10.0.9.9 dev lo lladdr 02:00:00:aa:00:03
ip route add 10.9.0.0/16 dev lo
ip link set dev lo mtu 67
ip addr
ip route show table all
ip neigh show dev lo nud all
ip addr del 10.0.2.3/16 dev lo
ip addr add 10.0.2.4/16 dev lo
ip route add 10.8.0.0/16 dev lo
ip neigh add 10.0.9.8 dev lo lladdr 02:00:00:aa:00:04
ip link set lo down
ip link set lo up
ip addr show dev lo
ip link set dev lo mtu 68
ip addr show dev lo
ip route show table all
ip addr add 10.0.2.4/16 dev lo
ip addr show dev lo
ip route show table all
ip link set lo down
ip link set lo up
ip addr show dev lo

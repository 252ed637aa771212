# an IPv6 route through a device without an inet6_dev (its MTU under 1280): fib6_nh_init's in6_dev_get fails first, ENODEV
ip link add va4 address 02:00:00:00:00:06 type veth peer name vb4 address 02:00:00:00:00:07
ip link set vb4 mtu 68
ip -6 route add 2001:db8:7::/48 via 2001:db8:2::3 dev vb4 proto static
ip -6 route add 2001:db8:8::/48 dev vb4
ip -6 route add 2001:db8:9::/48 dev vb4 onlink via fe80::1
ip -6 route add unreachable 2001:db8:a::/48 dev vb4
ip link set vb4 mtu 1280
ip link set vb4 up
ip -6 route add 2001:db8:8::/48 dev vb4
ip -6 route show dev vb4

# an IPv6 peer address's /128 route comes with its local route, once DAD is over (__ipv6_ifa_notify)
ip link add w0 address 02:00:00:00:00:03 type veth peer name w1 address 02:00:00:00:00:04
ip link set w0 up
ip addr add 2001:db8:2::a:0:0:1 dev w0 peer 2001:db8:9::1
ip -6 route show table all
ip -6 addr show dev w0
ip link set w1 up
ip -6 route show table all
ip -6 addr show dev w0
ip addr add 2001:db8:2::b peer 2001:db8:9::2 dev w0 nodad
ip -6 route show dev w0
ip link set w0 down
ip -6 route show table all
ip link set w0 up
ip -6 route show table all
ip addr del 2001:db8:2::a:0:0:1 peer 2001:db8:9::1 dev w0
ip -6 route show table all

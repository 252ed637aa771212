# With forwarding on, each IPv6 prefix's subnet-router anycast address gets an anycast route in table local (addrconf_join_anycast), lo included; /127 and longer get none.
# v1 forwards only once both link-local addresses are past DAD: which of two devices finishes DAD first is a race on Linux, so their equal fe80:: routes would come in either order.
sysctl -w net.ipv6.conf.all.forwarding=1
ip addr add 2001:db8:2::2/64 dev lo metric 50
ip -6 route show table local
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl -w net.ipv6.conf.v1.forwarding=0
ip addr add 2001:db8:1::1/64 dev v0
ip -6 route show table local
ip link set v0 up
ip link set v1 up
ip -6 route show table local
sysctl -w net.ipv6.conf.v1.forwarding=1
ip addr add 2001:db8:5::1/127 dev v0
ip addr add 2001:db8:1::7/64 dev v0
ip -6 route show table local
sysctl -w net.ipv6.conf.v0.forwarding=0
ip -6 route show table local
sysctl -w net.ipv6.conf.v0.forwarding=1
ip -6 route show table local
ip addr del 2001:db8:1::1/64 dev v0
ip -6 route show table local
ip addr del 2001:db8:1::7/64 dev v0
ip -6 route show table local
ip link set v0 down
ip -6 route show table local
sysctl -w net.ipv6.conf.all.forwarding=0
ip -6 route show table local

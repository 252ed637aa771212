# Deleting an IPv6 address of a device whose MTU went under 1280 (it lost its inet6_dev, addrconf_ifdown with unregister): inet6_addr_del says IPv6 is disabled (ENXIO), whether or not the address was there
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 2001:db8:1::5/64 dev v0
ip link set v0 mtu 1200
ip addr del 2001:db8:1::5/64 dev v0
ip addr del 2001:db8:1::7/64 dev v0
ip -6 addr add 2001:db8:1::5/64 dev v0
ip link set v0 mtu 1280
ip addr del 2001:db8:1::5/64 dev v0

# keep_addr_on_down: kept addresses leave their anycast address when the device goes down and join again once DAD is over (a nodad one at once, addrconf_dad_begin); a DAD-failed address still takes a user when deleted (__ipv6_ifa_notify(RTM_DELADDR) does not ask whether it joined); disable_ipv6 and an MTU under 1280 drop them
sysctl -w net.ipv6.conf.all.forwarding=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl -w net.ipv6.conf.v1.forwarding=0
sysctl -w net.ipv6.conf.v0.keep_addr_on_down=1
ip addr add 2001:db8:1::1/64 dev v0
ip addr add 2001:db8:3::1/64 dev v0 nodad
ip link set v0 up
ip link set v1 up
sysctl -w net.ipv6.conf.v1.forwarding=1
ip -6 route show table local type anycast
ip link set v0 down
ip -6 route show table local type anycast
ip link set v0 up
ip -6 route show table local type anycast
ip addr add 2001:db8:3::5/64 dev v1
ip addr add 2001:db8:3::1/64 dev v1
ip -6 addr show dev v1
ip -6 route show table local type anycast
ip addr del 2001:db8:3::1/64 dev v1
ip -6 route show table local type anycast
ip -6 addr show dev v1
sysctl -w net.ipv6.conf.v0.disable_ipv6=1
ip -6 route show table local type anycast
sysctl -w net.ipv6.conf.v0.disable_ipv6=0
ip -6 route show table local type anycast
ip link set v1 mtu 1200
ip -6 route show table local type anycast
ip link set v1 mtu 1500
ip -6 route show table local type anycast

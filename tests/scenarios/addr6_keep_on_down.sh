# keep_addr_on_down: a permanent global IPv6 address stays through link down (tentative, no routes), and gets its prefix and local routes back on up; the link-local one goes
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v1 up
ip link set v0 up
sysctl -w net.ipv6.conf.all.keep_addr_on_down=1
ip -6 addr add fd30::1/64 dev v0 metric 259
ip -6 addr add fd31::1/64 dev v0 valid_lft 100 preferred_lft 100
ip -6 addr add fd32::1/64 dev v0 nodad
ip link set v0 down
ip -6 addr show dev v0
ip -6 route show table all dev v0
ip link set v0 up
ip -6 addr show dev v0
ip -6 route show dev v0
ip -6 route show table local dev v0
sysctl -w net.ipv6.conf.all.keep_addr_on_down=0
sysctl -w net.ipv6.conf.v0.keep_addr_on_down=1
ip link set v0 down
ip -6 addr show dev v0
sysctl -w net.ipv6.conf.all.keep_addr_on_down=-1
ip link set v0 up
ip link set v0 down
ip -6 addr show dev v0

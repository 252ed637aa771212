# duplicate address detection when a link goes down and up again: addresses kept over the cycle (keep_addr_on_down) are checked anew
ip netns add a
ip netns add b
ip link add v0 netns a address 02:00:00:00:00:01 type veth peer name v1 netns b address 02:00:00:00:00:02
ip -n b addr add fd00::1/64 dev v1
ip -n b link set v1 up
ip -n a addr add fd00::1/64 dev v0
ip -n a addr add fd00::2/64 dev v0
ip -n a link set v0 up
ip -n a -6 addr show dev v0
ip netns exec a sysctl -w net.ipv6.conf.v0.keep_addr_on_down=1
ip -n a link set v0 down
ip -n a -6 addr show dev v0
ip -n b addr del fd00::1/64 dev v1
ip -n a link set v0 up
ip -n a -6 addr show dev v0
ip -n b addr add fd00::2/64 dev v1 nodad
ip -n a link set v0 down
ip -n a -6 addr show dev v0
ip -n a link set v0 up
ip -n a -6 addr show dev v0
ip -n a link set v0 down
ip -n a link set v0 up
ip -n a -6 addr show dev v0
ip netns exec a sysctl -w net.ipv6.conf.v0.keep_addr_on_down=0
ip -n a link set v0 down
ip -n a -6 addr show dev v0

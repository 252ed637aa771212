# IPv6 addresses the kernel refuses or changes: unspecified, loopback,
# multicast without autojoin, mngtmpaddr prefix length, optimistic DAD;
# duplicates on the link fail DAD; IPv4 addresses without a local part
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 0.0.0.0/24 dev v0
ip addr add 0.0.0.0 dev v0 peer 192.0.2.9
ip addr add :: dev v0
ip addr add ::1 dev v0
ip addr add ff02::9 dev v0 nodad
ip addr add fd00::/7 dev v0 mngtmpaddr
ip addr add ff02::7/64 dev v0 autojoin
ip addr add 2001:db8::1/64 dev v0 optimistic
ip addr add 2001:db8::2/64 dev v0 optimistic nodad
sysctl -w net.ipv6.conf.v1.optimistic_dad=1
ip addr add 2001:db8::3/64 dev v1 optimistic nodad
ip addr add 2001:db8::1/64 dev v1 optimistic
ip addr add 2001:db8::2/64 dev v1 valid_lft 100 preferred_lft 100
ip addr add 2001:db8::5/64 dev v1
ip -6 addr
ip -6 route show table all
ip -j -6 addr show dev v1

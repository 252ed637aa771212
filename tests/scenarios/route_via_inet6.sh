# IPv4 routes through an IPv6 gateway (RTA_VIA): single and multipath, shown and looked up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip -6 addr add fd00::1/64 dev v0 nodad
ip route add 10.1.0.0/16 via inet6 fe80::2 dev v0
ip route add 10.2.0.0/16 via inet6 fd00::2 dev v0
ip route add 10.3.0.0/16 via inet6 fd00::2
ip route add 10.4.0.0/16 nexthop via inet6 fd00::2 dev v0 nexthop via 10.0.0.3 dev v0
ip route show
ip route get 10.1.0.1
ip -j route show 10.2.0.0/16
ip route del 10.2.0.0/16 via inet6 fd00::2 dev v0
ip route add 10.5.0.0/16 via inet6 fd00::9 dev v0 onlink
ip route show
ip -6 route add fd10::/64 via inet 10.0.0.2 dev v0
ip route add 10.6.0.0/16 via inet6 fd77::2 dev v0
ip route del 10.3.0.0/16 via inet6 fd00::7
ip route del 10.3.0.0/16 via inet6 fd00::2
ip route show 10.3.0.0/16

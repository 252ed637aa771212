# The hop limit of what a host sends and answers is its output device's own net.ipv6.conf.DEV.hop_limit (ip6_dst_hoplimit); lo's for local traffic; IPv4 sockets take net.ipv4.ip_default_ttl
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip netns exec h2 sysctl -w net.ipv6.conf.e2.hop_limit=9
ip netns exec h2 sysctl net.ipv6.conf.all.hop_limit net.ipv6.conf.lo.hop_limit
ip netns exec h1 ping -c 1 fd00::2
ip netns exec h1 sysctl -w net.ipv6.conf.lo.hop_limit=3
ip netns exec h1 ping -c 1 ::1
ip netns exec h1 ping -c 1 fd00::1
ip netns exec h1 sysctl -w net.ipv6.conf.all.hop_limit=20
ip netns exec h1 ping -c 1 ::1
ip netns exec h2 sysctl -w net.ipv6.conf.default.hop_limit=30
ip netns exec h1 sysctl -w net.ipv6.conf.e1.hop_limit=40
ip netns exec h2 ping -c 1 fd00::1
ip netns exec h2 sysctl -w net.ipv4.ip_default_ttl=12
ip netns exec h2 tcpdump -v -n -c 4 -i e2 icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 ping -c 1 10.0.0.1
ip netns exec h2 tcpdump -v -n -c 2 -i e2 tcp &
ip netns exec h1 nc -zv 10.0.0.2 81

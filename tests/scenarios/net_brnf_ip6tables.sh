# br_netfilter for IPv6: bridged neighbour discovery and pings pass ip6tables PREROUTING, FORWARD and POSTROUTING of the bridge's namespace; a FORWARD DROP stops them; bridge-nf-call-ip6tables=0 lets them by (rules on fd00::/64 sources: router solicitations come when they will)
ip netns add r
ip netns add h1
ip netns add h2
ip link add e0 address 02:00:00:00:00:01 netns h1 type veth peer name p1 address 02:00:00:00:00:11 netns r
ip link add e0 address 02:00:00:00:00:02 netns h2 type veth peer name p2 address 02:00:00:00:00:12 netns r
ip -n r link add br0 address 02:00:00:00:00:10 type bridge
ip -n r link set p1 master br0
ip -n r link set p2 master br0
ip -n r link set p1 up
ip -n r link set p2 up
ip -n r link set br0 up
ip -n h1 addr add fd00::1/64 dev e0 nodad
ip -n h2 addr add fd00::2/64 dev e0 nodad
ip -n h1 link set e0 up
ip -n h2 link set e0 up
ip netns exec r ip6tables -t raw -A PREROUTING -i br0 -s fd00::/64 -p ipv6-icmp
ip netns exec r ip6tables -A FORWARD -p ipv6-icmp --icmpv6-type echo-request
ip netns exec r ip6tables -A FORWARD -p ipv6-icmp --icmpv6-type neighbour-solicitation
ip netns exec r ip6tables -A FORWARD -i br0 -o br0 -s fd00::/64 -p ipv6-icmp
ip netns exec r ip6tables -t mangle -A POSTROUTING -o br0 -s fd00::/64 -p ipv6-icmp
ip netns exec h1 ping -6 -c 1 fd00::2
ip netns exec r ip6tables-save -c
ip netns exec r ip6tables -A FORWARD -p ipv6-icmp -j DROP
ip netns exec h1 ping -6 -c 1 -W 1 fd00::2
ip netns exec r sysctl -w net.bridge.bridge-nf-call-ip6tables=0
ip netns exec h1 ping -6 -c 1 -W 1 fd00::2
ip netns exec r ip6tables -L FORWARD -n -v -x

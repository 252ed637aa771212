# Neighbour discovery is made of ICMPv6 packets that pass the netfilter
# hooks: rules count solicitations and advertisements, and rules dropping
# them stop IPv6 pings as on Linux (later counts depend on real time there)
ip netns add c
ip netns add s
ip link add e1 address 02:00:00:00:01:01 netns c type veth peer name e2 address 02:00:00:00:01:02 netns s
ip -n c addr add fd00:1::2/64 dev e1 nodad
ip -n s addr add fd00:1::1/64 dev e2 nodad
ip -n s addr add fd00:1::3/64 dev e2 nodad
ip -n c link set e1 up
ip -n s link set e2 up
ip netns exec c ip6tables -A OUTPUT -p ipv6-icmp --icmpv6-type neighbour-solicitation -j ACCEPT
ip netns exec c ip6tables -A INPUT -p ipv6-icmp --icmpv6-type neighbour-advertisement -j ACCEPT
ip netns exec s ip6tables -A INPUT -p ipv6-icmp --icmpv6-type neighbour-solicitation -j ACCEPT
ip netns exec s ip6tables -A OUTPUT -p ipv6-icmp --icmpv6-type neighbour-advertisement -j ACCEPT
ip netns exec c ping -c 1 -W 1 fd00:1::1
ip netns exec c ip6tables -L -v -n -x | grep icmptype
ip netns exec s ip6tables -L INPUT -v -n -x | grep icmptype
ip netns exec s ip6tables -L OUTPUT -v -n -x | grep icmptype
ip netns exec s ip6tables -I INPUT 1 -p ipv6-icmp --icmpv6-type neighbour-solicitation -j DROP
ip netns exec c ping -c 1 -W 5 fd00:1::3
ip netns exec c ip -6 neigh show fd00:1::3
ip netns exec s ip6tables -D INPUT 1
ip netns exec c ip6tables -I INPUT 1 -p ipv6-icmp --icmpv6-type neighbour-advertisement -j DROP
ip netns exec c ip neigh flush dev e1
ip netns exec c ping -c 1 -W 5 fd00:1::3
ip netns exec c ip -6 neigh show fd00:1::3

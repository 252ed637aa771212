# ip6tables over ping -6: echo requests accepted by type under a limit, the rest rejected with icmp6 types; counters
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 2001:db8::1/64 dev e1 nodad
ip -n h2 addr add 2001:db8::2/64 dev e2 nodad
ip -n h2 addr add 2001:db8::3/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -6 -c 1 -W 1 2001:db8::2
ip netns exec h2 ip6tables -A INPUT -d 2001:db8::3 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec h2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -m limit --limit 1/min --limit-burst 2 -j ACCEPT
ip netns exec h2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j LOG --log-prefix "over: "
ip netns exec h2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j DROP
ip netns exec h1 ping -6 -c 4 -i 0.2 -W 1 2001:db8::2
ip netns exec h1 ping -6 -c 1 -W 1 2001:db8::3
ip netns exec h2 ip6tables -L INPUT -v -n
ip netns exec h2 ip6tables -L INPUT
ip netns exec h2 ip6tables-save

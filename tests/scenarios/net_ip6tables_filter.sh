# ip6tables: the filter table of family ip6, listings, REJECT for TCP over IPv6
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 2001:db8::1/64 dev e1 nodad
ip -n h2 addr add 2001:db8::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h1 ping -6 -c 1 -W 1 2001:db8::2
ip netns exec h2 ip6tables -A INPUT -p tcp --dport 22 -j ACCEPT
ip netns exec h2 ip6tables -A INPUT -i lo -j ACCEPT
ip netns exec h2 ip6tables -A INPUT -s 2001:db8:1::/48 -j DROP
ip netns exec h2 ip6tables -A INPUT -s 2001:db8::1 -p tcp --dport 8080 -j REJECT
ip netns exec h2 ip6tables -A INPUT -p tcp --dport 8081 -j REJECT --reject-with tcp-reset
ip netns exec h2 ip6tables -A INPUT -p ipv6-icmp -s 2001:db8:1::1 -j ACCEPT
ip netns exec h2 ip6tables -P FORWARD DROP
ip netns exec h1 nc -6 -zv 2001:db8::2 8081
ip netns exec h2 ip6tables -L -n -v
ip netns exec h2 ip6tables -S
ip netns exec h2 ip6tables -L INPUT --line-numbers
ip netns exec h2 iptables -L INPUT
ip netns exec h2 ip6tables -D INPUT 4
ip netns exec h2 ip6tables -L INPUT -v -n -x

# mac, iprange, addrtype and --syn in the packet walk: pings and connections dropped or let through; counters
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h2 link set lo up
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nc -lk 8080 &
ip netns exec h2 iptables -A INPUT -m mac --mac-source 02:00:00:00:00:09 -j DROP
ip netns exec h2 iptables -A INPUT -p icmp -m mac --mac-source 02:00:00:00:00:01 -m iprange --src-range 10.0.0.1-10.0.0.1 -j DROP
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h2 iptables -I INPUT -p icmp -m addrtype --src-type LOCAL -j ACCEPT
ip netns exec h2 ping -c 1 10.0.0.2
ip netns exec h2 iptables -F INPUT
ip netns exec h2 iptables -A INPUT -p tcp --syn --dport 8080 -m iprange '!' --src-range 10.0.0.5-10.0.0.9 -j REJECT --reject-with tcp-reset
ip netns exec h1 nc -zv 10.0.0.2 8080
ip netns exec h2 iptables -R INPUT 1 -p tcp --tcp-flags SYN,ACK SYN,ACK -j DROP
ip netns exec h1 nc -zv 10.0.0.2 8080
ip netns exec h2 iptables -L INPUT -v -n
ip netns exec h2 iptables -S INPUT

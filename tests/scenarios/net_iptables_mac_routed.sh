# xt_mac reads the frame's source address: a routed packet carries the
# router's, not the sender's (mac_mt: eth_hdr(skb)->h_source)
ip netns add c
ip netns add r
ip netns add s
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s
ip -n c addr add 10.0.0.2/24 dev e0
ip -n r addr add 10.0.0.1/24 dev v1
ip -n r addr add 192.168.1.1/24 dev v0
ip -n s addr add 192.168.1.2/24 dev e0
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c route add default via 10.0.0.1
ip -n s route add default via 192.168.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec s iptables -A INPUT -m mac --mac-source 02:00:00:00:00:03 -j ACCEPT
ip netns exec s iptables -A INPUT -m mac --mac-source 02:00:00:00:00:02 -j ACCEPT
ip netns exec r iptables -A FORWARD -m mac --mac-source 02:00:00:00:00:02 -j ACCEPT
ip netns exec r iptables -A INPUT -m mac --mac-source 02:00:00:00:00:02 -j ACCEPT
ip netns exec c ping -c 1 192.168.1.2
ip netns exec c ping -c 1 10.0.0.1
ip netns exec s ping -c 1 192.168.1.1
ip netns exec s iptables -L INPUT -n -v
ip netns exec r iptables -L -n -v

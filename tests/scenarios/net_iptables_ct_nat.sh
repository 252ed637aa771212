# -m conntrack on a NAT router: --ctstate SNAT/DNAT (the flow's IPS_SRC_NAT/IPS_DST_NAT), --ctorigsrc/--ctorigdst/--ctreplsrc/--ctrepldst, --ctproto, --ctdir; counters
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
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE
ip netns exec r iptables -t nat -A PREROUTING -d 192.168.1.1 -p icmp -j DNAT --to-destination 10.0.0.2
ip netns exec r iptables -A FORWARD -m conntrack --ctstate SNAT
ip netns exec r iptables -A FORWARD -m conntrack --ctstate NEW,DNAT
ip netns exec r iptables -A FORWARD -m conntrack '!' --ctstate SNAT,DNAT
ip netns exec r iptables -A FORWARD -m conntrack --ctorigdst 192.168.1.1 --ctproto icmp
ip netns exec r iptables -A FORWARD -m conntrack '!' --ctorigsrc 10.0.0.0/24 --ctdir ORIGINAL
ip netns exec r iptables -A FORWARD -m conntrack --ctreplsrc 10.0.0.2 --ctrepldst 192.168.1.2
ip netns exec r iptables -A FORWARD -m conntrack --ctrepldst 192.168.1.1/32 --ctdir REPLY
ip netns exec c ping -c 2 -i 0.2 192.168.1.2
ip netns exec s ping -c 2 -i 0.2 192.168.1.1
ip netns exec r iptables -L FORWARD -n -v
ip netns exec r iptables -S FORWARD
ip netns exec r iptables -L FORWARD

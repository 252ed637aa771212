# iptables -m limit on INPUT: pings over the burst fall through to the next rule (DROP); counters show the split
ip netns add c
ip netns add r
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip -n c addr add 10.0.0.2/24 dev e0
ip -n r addr add 10.0.0.1/24 dev v1
ip -n c link set e0 up
ip -n r link set v1 up
ip netns exec r iptables -A INPUT -p icmp -m limit --limit 1/min --limit-burst 2 -j ACCEPT
ip netns exec r iptables -A INPUT -p icmp -j DROP
ip netns exec c ping -c 5 -i 0.2 -W 1 10.0.0.1
ip netns exec r iptables -L INPUT -v -n
ip netns exec r iptables -S INPUT

# --ctstatus and --ctexpire on traffic: an echo flow is CONFIRMED after its
# first packet, SEEN_REPLY once answered, never ASSURED; 30 s to live
ip netns add c
ip netns add s
ip link add e1 address 02:00:00:00:01:01 netns c type veth peer name e2 address 02:00:00:00:01:02 netns s
ip -n c addr add 10.0.1.2/24 dev e1
ip -n s addr add 10.0.1.1/24 dev e2
ip -n c link set e1 up
ip -n s link set e2 up
ip netns exec c iptables -A OUTPUT -m conntrack '!' --ctstatus CONFIRMED
ip netns exec c iptables -A OUTPUT -m conntrack --ctstatus SEEN_REPLY
ip netns exec c iptables -A INPUT -m conntrack --ctstatus SEEN_REPLY
ip netns exec c iptables -A INPUT -m conntrack --ctstatus ASSURED
ip netns exec c iptables -A INPUT -m conntrack --ctexpire 25:30
ip netns exec c iptables -A INPUT -m conntrack '!' --ctexpire 25:30
ip netns exec c ping -c 3 -i 0.2 10.0.1.1
ip netns exec c iptables -L -v -n

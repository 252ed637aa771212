# A LOCAL_OUT drop (or reject) is EPERM to the sender: traceroute stops at
# its first probe with "send: Operation not permitted"; ping stays silent
ip netns add c
ip netns add s
ip link add e1 address 02:00:00:00:01:01 netns c type veth peer name e2 address 02:00:00:00:01:02 netns s
ip -n c addr add 10.0.1.2/24 dev e1
ip -n s addr add 10.0.1.1/24 dev e2
ip -n c addr add fd00:1::2/64 dev e1 nodad
ip -n s addr add fd00:1::1/64 dev e2 nodad
ip -n c link set e1 up
ip -n s link set e2 up
ip netns exec c iptables -A OUTPUT -d 10.0.1.1 -j DROP
ip netns exec c traceroute -n -m 3 10.0.1.1
ip netns exec c ping -c 1 -W 1 10.0.1.1
ip netns exec c iptables -R OUTPUT 1 -d 10.0.1.1 -j REJECT
ip netns exec c traceroute -n -m 3 -I 10.0.1.1
ip netns exec c ping -c 1 -W 1 10.0.1.1
ip netns exec c iptables -R OUTPUT 1 -d 10.0.1.1 -p udp -j DROP
ip netns exec c traceroute -n -m 2 -q 1 -I 10.0.1.1
ip netns exec c traceroute -n -m 2 -q 1 10.0.1.1
ip netns exec c iptables -L OUTPUT -v -n
ip netns exec c ip6tables -A OUTPUT -d fd00:1::1 -j DROP
ip netns exec c ping -c 1 -W 1 fd00:1::1
ip netns exec c traceroute -n -m 2 fd00:1::1
ip netns exec c ip6tables -L OUTPUT -v -n

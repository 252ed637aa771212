# raw PREROUTING (priority -300) runs before conntrack (-200): its -m conntrack sees no connection, so every packet is INVALID there and none ESTABLISHED; mangle after it sees NEW and ESTABLISHED (bridged pings)
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
ip -n h1 addr add 10.0.0.1/24 dev e0
ip -n h2 addr add 10.0.0.2/24 dev e0
ip -n h1 link set e0 up
ip -n h2 link set e0 up
ip netns exec r iptables -t raw -A PREROUTING -p icmp -m conntrack --ctstate ESTABLISHED
ip netns exec r iptables -t raw -A PREROUTING -p icmp -m conntrack --ctstate NEW
ip netns exec r iptables -t raw -A PREROUTING -p icmp -m conntrack --ctstate INVALID
ip netns exec r iptables -t raw -A PREROUTING -p icmp -m conntrack '!' --ctstate INVALID
ip netns exec r iptables -t mangle -A PREROUTING -p icmp -m conntrack --ctstate ESTABLISHED
ip netns exec r iptables -t mangle -A PREROUTING -p icmp -m conntrack --ctstate NEW
ip netns exec r iptables -t mangle -A PREROUTING -p icmp -m conntrack --ctstate INVALID
ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2
ip netns exec r iptables-save -c -t raw
ip netns exec r iptables-save -c -t mangle

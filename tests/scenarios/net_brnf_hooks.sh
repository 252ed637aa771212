# br_netfilter: a bridged ping passes raw/mangle/nat PREROUTING, FORWARD (conntrack NEW then ESTABLISHED) and mangle/nat POSTROUTING of the bridge's namespace, never INPUT/OUTPUT; a ping to the bridge's own address passes PREROUTING once
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
ip -n r addr add 10.0.0.254/24 dev br0
ip -n h1 addr add 10.0.0.1/24 dev e0
ip -n h2 addr add 10.0.0.2/24 dev e0
ip -n h1 link set e0 up
ip -n h2 link set e0 up
ip netns exec r iptables -t raw -A PREROUTING -i br0 -p icmp
ip netns exec r iptables -t mangle -A PREROUTING -p icmp
ip netns exec r iptables -t nat -A PREROUTING -p icmp
ip netns exec r iptables -t mangle -A FORWARD -i br0 -o br0
ip netns exec r iptables -A FORWARD -m conntrack --ctstate NEW
ip netns exec r iptables -A FORWARD -m conntrack --ctstate ESTABLISHED
ip netns exec r iptables -t mangle -A POSTROUTING -o br0 -p icmp
ip netns exec r iptables -t nat -A POSTROUTING -p icmp
ip netns exec r iptables -A INPUT -p icmp
ip netns exec r iptables -A OUTPUT -p icmp
ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2
ip netns exec h2 ping -c 1 10.0.0.254
ip netns exec r iptables-save -c

# br_netfilter: a bridged ping passes the namespace's iptables FORWARD (in and out: the bridge, not the port; ip_forward stays 0); DROP stops it and counts it
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
ip netns exec r sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables net.bridge.bridge-nf-call-arptables net.ipv4.ip_forward
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec r iptables -A FORWARD -i br0 -o br0 -p icmp --icmp-type echo-request
ip netns exec r iptables -A FORWARD -i p1 -p icmp
ip netns exec r iptables -A FORWARD -p icmp -j DROP
ip netns exec h1 ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec r iptables -L FORWARD -n -v -x
ip netns exec r iptables -D FORWARD 3
ip netns exec r iptables -A FORWARD -p icmp -j REJECT
ip -n r addr add 10.0.0.254/24 dev br0
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec r iptables -L FORWARD -n -v -x

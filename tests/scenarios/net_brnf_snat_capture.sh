# bridged IPv4 passes the router's nat POSTROUTING (br_netfilter): an SNAT rule for the LAN rewrites a ping between two hosts on the bridge, and a capture on the far host shows the new source
ip netns add h1
ip netns add h2
ip netns add r
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:00:01:01 netns h1 type veth peer name veth1 address 02:00:00:00:01:02 netns r
ip link add eth0 address 02:00:00:00:02:01 netns h2 type veth peer name veth2 address 02:00:00:00:02:02 netns r
ip -n r link add br0 address 02:00:00:00:08:01 type bridge
ip -n r link set veth1 master br0
ip -n r link set veth2 master br0
ip -n r link set veth1 up
ip -n r link set veth2 up
ip -n r link set br0 up
ip -n h1 addr add 192.168.1.2/24 dev eth0
ip -n h2 addr add 192.168.1.3/24 dev eth0
ip -n r addr add 192.168.1.1/24 dev br0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip netns exec r nft add table ip nat
ip netns exec r nft add chain ip nat post '{ type nat hook postrouting priority 100; }'
ip netns exec r nft add rule ip nat post ip saddr 192.168.1.0/24 counter snat to 10.0.0.1
ip netns exec h2 tcpdump -n -c 1 -i eth0 icmp &
ip netns exec h1 ping -c 1 -W 1 192.168.1.3
ip netns exec r nft list chain ip nat post

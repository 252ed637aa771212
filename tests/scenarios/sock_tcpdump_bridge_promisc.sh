# tcpdump on a bridge makes it promiscuous: frames it forwards between two ports go up to the bridge device too (br_handle_frame_finish's local_rcv), so the capture sees them; a capture raises its device's promiscuity while it runs
ip netns add h1
ip netns add h2
ip netns add r
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
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip netns exec h1 ping -c 1 192.168.1.3
ip netns exec r tcpdump -n -c 2 -i br0 icmp &
ip netns exec h1 ping -c 2 -i 0.2 192.168.1.3
ip netns exec h2 nc -lk 8000 &
ip netns exec h2 tcpdump -n -c 1 -i eth0 tcp &
ip -n h2 -d link show eth0
echo hello | ip netns exec h1 nc -N -w 1 192.168.1.3 8000
ip -n h2 -d link show eth0
ip netns exec r tcpdump -n -c 1 -i br0 tcp &
echo again | ip netns exec h1 nc -N -w 1 192.168.1.3 8000

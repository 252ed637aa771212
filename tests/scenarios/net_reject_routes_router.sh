# unreachable, prohibit and blackhole routes on a forwarding router: the ICMP errors a host gets back
ip netns add h1
ip netns add r
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r addr add 10.0.1.1/24 dev r1
ip -n h1 link set e1 up
ip -n r link set r1 up
ip -n h1 route add default via 10.0.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r sysctl -w net.ipv4.icmp_ratelimit=0
ip -n r route add unreachable 198.51.100.0/24
ip -n r route add prohibit 203.0.113.0/24
ip -n r route add blackhole 192.0.2.0/24
ip netns exec h1 ping -c 1 198.51.100.1
ip netns exec h1 ping -c 1 203.0.113.1
ip netns exec h1 ping -c 1 -W 1 192.0.2.1
ip netns exec h1 ping -c 1 10.77.0.1
ip -n r route get 198.51.100.1 from 10.0.1.2 iif r1
ip -n r route get 10.77.0.1 from 10.0.1.2 iif r1
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 -m 3 198.51.100.1
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 -m 3 203.0.113.1

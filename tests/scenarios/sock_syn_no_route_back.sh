# A server with no route back to a client: its listener makes no SYN-RECV socket (tcp_conn_request drops the SYN when the SYN-ACK's route lookup fails), until the router masquerades the client
ip netns add h1
ip netns add r
ip netns add srv
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec srv sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:00:01:01 netns h1 type veth peer name veth1 address 02:00:00:00:01:02 netns r
ip link add wan0 address 02:00:00:00:09:01 netns r type veth peer name eth0 address 02:00:00:00:09:02 netns srv
ip -n h1 addr add 192.168.1.2/24 dev eth0
ip -n r addr add 192.168.1.1/24 dev veth1
ip -n r addr add 10.0.0.1/24 dev wan0
ip -n srv addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n r link set veth1 up
ip -n r link set wan0 up
ip -n srv link set eth0 up
ip -n h1 route add default via 192.168.1.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec srv nc -lk 80 &
ip netns exec srv tcpdump -n -c 1 -i eth0 tcp &
ip netns exec h1 nc -zv -w 1 10.0.0.2 80
ip netns exec srv ss -tan
ip netns exec r iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE
ip netns exec h1 nc -zv -w 1 10.0.0.2 80
ip netns exec srv ss -tan
ip netns exec r iptables -t nat -L POSTROUTING -n -v

# blackhole, unreachable, prohibit and throw routes on the sending host: what ping and traceroute say
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 route add blackhole 192.0.2.0/24
ip -n h1 route add unreachable 198.51.100.0/24
ip -n h1 route add prohibit 203.0.113.0/24
ip -n h1 route add throw 10.9.0.0/16
ip -n h1 route add blackhole 10.0.0.2/32
ip -n h1 route
ip netns exec h1 ping -c 1 192.0.2.1
ip netns exec h1 ping -c 1 198.51.100.1
ip netns exec h1 ping -c 1 203.0.113.1
ip netns exec h1 ping -c 1 10.9.0.1
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h1 traceroute -n -q 1 -w 1 198.51.100.1
ip netns exec h1 traceroute -n -q 1 -w 1 203.0.113.1
ip -n h1 route get 10.0.0.2
ip -n h1 route get 198.51.100.1
ip -n h1 route del blackhole 10.0.0.2/32
ip netns exec h1 ping -c 1 10.0.0.2

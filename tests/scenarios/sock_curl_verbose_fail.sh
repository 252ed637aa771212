# curl -v: a connect() that fails at once (no route, unreachable, prohibit) says "Immediate connect fail"; a refused one fails later
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 route add unreachable 10.5.0.0/16
ip -n h1 route add prohibit 10.6.0.0/16
ip netns exec h1 curl -v -m 1 10.9.9.9:8081
ip netns exec h1 curl -sv -m 1 10.5.0.1
ip netns exec h1 curl -v -m 1 10.6.0.1
ip netns exec h1 curl -v -m 1 10.0.0.2:8080
ip netns exec h1 curl -sv -m 1 'http://[2001:db8::1]:80/'

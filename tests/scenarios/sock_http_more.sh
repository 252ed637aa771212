# python3 -m http.server bound to one address; curl -v, -I, -i and -w to it
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 python3 -m http.server 8080 --bind 10.0.0.2 &
ip netns exec h2 ss -tln
ip netns exec h1 curl -sv -o /dev/null 10.0.0.2:8080/missing
ip netns exec h1 curl -sI 10.0.0.2:8080/missing
ip netns exec h1 curl -s -i 10.0.0.2:8080
ip netns exec h1 curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/
ip netns exec h1 curl -s -w '%{http_code}\n' -I 10.0.0.2:8080
ip netns exec h2 curl -sS 127.0.0.1:8080
ip netns exec h1 curl -v 10.0.0.2:8081

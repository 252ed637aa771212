# python3 -m http.server picks :: or 0.0.0.0 as glibc sorts getaddrinfo's passive answers: 0.0.0.0 once lo has had 127.0.0.1
ip netns add h1
ip netns add h2
ip netns add h3
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 addr add 2001:db8::1/64 dev e1 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h2 link set lo up
ip netns exec h1 python3 -m http.server 8000 &
ip netns exec h2 python3 -m http.server 8000 &
ip netns exec h1 ss -tln
ip netns exec h2 ss -tln
ip netns exec h2 curl -s -o /dev/null -w '%{http_code}\n' 10.0.0.1:8000
ip -n h3 link set lo up
ip -n h3 link set lo down
ip netns exec h3 python3 -m http.server 8001 &
ip netns exec h3 sysctl -q -w net.ipv6.conf.lo.disable_ipv6=1
ip netns exec h3 ip addr flush dev lo
ip netns exec h3 python3 -m http.server 8002 &
ip netns exec h3 ss -tln

# binding a foreign IPv4 address works until the namespace's local table exists (__inet_dev_addr_type answers RTN_BROADCAST without it)
ip netns add h1
ip netns add h2
ip netns exec h1 python3 -m http.server 8000 --bind 10.1.1.1 &
ip netns exec h1 ss -tln
ip netns exec h1 nc -l 10.1.1.2 9000 &
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h2 addr add 10.0.0.2/24 dev e2
ip netns exec h2 python3 -m http.server 8000 --bind 10.1.1.1 &
ip netns exec h2 nc -l 10.1.1.2 9000 &
ip netns exec h2 python3 -m http.server 8001 --bind 10.0.0.2 &
ip -n h2 addr del 10.0.0.2/24 dev e2
ip netns exec h2 nc -l 10.0.0.2 9001 &
ip netns exec h2 ss -tln

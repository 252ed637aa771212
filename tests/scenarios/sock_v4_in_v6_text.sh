# IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses as curl, http.server, nc, ss, tcpdump and ip6tables print them (inet_ntop)
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 addr add ::10.0.0.1/96 dev e1 nodad
ip -n h2 addr add ::10.0.0.2/96 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 python3 -m http.server -b :: 8000 &
ip netns exec h1 curl -v -s -o /dev/null 'http://[::10.0.0.2]:8000/'
ip netns exec h1 curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/
ip netns exec h1 nc -zv ::10.0.0.2 8000
ip netns exec h2 tcpdump -n -c 2 -i e2 tcp port 8001 &
ip netns exec h1 nc -zvn ::10.0.0.2 8001
ip netns exec h2 nc -6 -l 9000 &
ip netns exec h1 nc -p 5555 10.0.0.2 9000 &
ip netns exec h2 ss -tn state established
ip netns exec h1 ip6tables -A OUTPUT -d ::1.2.3.4 -j DROP
ip netns exec h1 ip6tables -A OUTPUT -s ::ffff:1.2.3.0/120 -d ::0.0.1.2 -j ACCEPT
ip netns exec h1 ip6tables -S
ip netns exec h1 ip6tables -L OUTPUT -n

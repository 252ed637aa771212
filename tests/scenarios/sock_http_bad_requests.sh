# python3 -m http.server answers what nc sends by hand: an HTTP/0.9 GET gets the body alone, a bad request line its error page (send_error), an unknown method 501
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:00:01:01 netns h1 type veth peer name eth0 address 02:00:00:00:01:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip netns exec h1 python3 -m http.server 80 &
echo data | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo 'GET /' | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo 'GET /missing' | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo hello world | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo 'POST / HTTP/1.0' | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo 'GET / HTTP/2.0' | ip netns exec h2 nc -N -w 2 10.0.0.1 80
echo a b c HTTP/1.1 | ip netns exec h2 nc -N -w 2 10.0.0.1 80
ip netns exec h2 nc -z 10.0.0.1 80

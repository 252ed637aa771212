# curl -v whose connect times out (--connect-timeout): the attempt's own timeout is reported first ("move on"), then the failure
ip netns add h1
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n h1 link set lo up
ip netns exec h1 iptables -A INPUT -p tcp --dport 1234 -j DROP
ip netns exec h1 curl -v --connect-timeout 1 -m 2 http://127.0.0.1:1234/index.html
ip netns exec h1 curl -sv --connect-timeout 1 127.0.0.1:1234

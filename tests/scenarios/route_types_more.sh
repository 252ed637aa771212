# more route types and attributes: throw in a table with rules, blackhole in JSON, realms, onlink, multiple metrics
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add throw 10.0.0.0/8 table 100
ip route add 10.0.0.0/8 via 192.0.2.254 table main
ip rule add from all lookup 100 pref 100
ip route get 10.1.1.1
ip route add blackhole default table 100
ip route get 10.1.1.1
ip route get 172.16.1.1
ip route add 10.5.0.0/16 via 192.0.2.254 realm 5
ip route add 10.6.0.0/16 via 192.0.2.254 realms 3/4
ip route add 10.7.0.0/16 via 198.51.100.1 dev v0 onlink
ip route add 10.8.0.0/16 via 192.0.2.254 window 1000 rtt 2s rttvar 1s ssthresh 10 cwnd 20 initcwnd 10 initrwnd 20 quickack 1 fastopen_no_cookie 1
ip route show table main
ip -j route show 10.8.0.0/16
ip route show table 100
ip -j route show table 100
ip route add unicast 10.9.0.0/16 via 192.0.2.254
ip route add anycast 10.10.0.0/16 dev v0
ip route add multicast 224.1.0.0/16 dev v0
ip route add broadcast 10.11.0.0/16 dev v0
ip route show table all type broadcast dev v0

# reject routes: realms kept, preferred sources not checked (IPv4);
# next-hop device and source checks before the route is looked for (IPv6)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add blackhole 10.0.0.0/8 realm 5
ip route add prohibit 10.9.0.0/16 table 200 src 203.0.113.7 realm 3/4
ip route add unreachable 172.16.0.0/12 src 198.51.100.1 metric 7
ip route add throw 10.1.0.9 table 200 scope link realm 2
ip route change blackhole default table local src 198.51.100.0
ip route show table all
ip -d route show table 200
ip -j route show table 200
ip route get 10.9.1.1 from 192.0.2.1 iif v0
ip route add prohibit default table local metric 10 src 192.0.2.77
ip route get 10.2.0.2
ip route del prohibit default table local metric 10
ip -6 route add prohibit 2001:db8:3::/64 onlink
ip -6 route change throw 2001:db8:4::/64 onlink
ip -6 route add unreachable 2001:db8:5::/64 dev v9
ip -6 route add blackhole 2001:db8:6::/64 dev v0
ip -6 route show table all type blackhole
ip route add blackhole 10.2.0.128/25 metric 100 onlink
ip route add 203.0.113.0/24 table 100 onlink
ip route add 203.0.113.0/24 scope host
ip route change 10.1.0.0/16 scope host src 192.0.2.1
ip -6 route change throw 2001:db8::/32 table 100
ip -6 route del 2001:db8::/32 table 100
ip route show table all type blackhole

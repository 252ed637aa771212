# While no IPv4 rule was ever added or deleted, local and main are one trie:
# the longest prefix over both wins, then the default table on any error;
# the first rule change splits them for good
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add blackhole 10.0.0.0/8
ip route add prohibit default table local
ip route add 10.9.0.0/16 table local via 192.0.2.2
ip route get 10.2.0.2
ip route get 10.9.1.1
ip route get 192.0.2.1
ip route get 198.51.100.1
ip route add unreachable 10.1.0.0/16 table default
ip route get 10.1.0.1
ip route get 10.3.0.1
ip route add throw 10.4.0.0/16
ip route get 10.4.0.1
ip route add 10.4.0.0/16 table default via 192.0.2.2
ip route get 10.4.0.1
ip rule add from 203.0.113.4 lookup 100
ip rule del from 203.0.113.4 lookup 100
ip rule
ip route get 10.2.0.2
ip route get 10.9.1.1
ip route get 192.0.2.1
ip route get 10.1.0.1
ip route get 10.4.0.1
ip route show table all type prohibit

# scopes and preferred sources on routes, with and without matching addresses
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v0
ip route add 10.0.0.0/8 dev v0 scope host
ip route add 10.1.0.0/16 dev v0 scope link src 198.51.100.1
ip route add 10.2.0.0/16 via 192.0.2.254 src 198.51.100.1
ip route add 10.3.0.0/16 via 192.0.2.254 src 203.0.113.1
ip route add 10.4.0.0/16 dev v0 scope global
ip route add 10.5.0.0/16 via 192.0.2.254 scope link
ip route
ip route get 10.1.2.3
ip route get 10.2.2.3
ip route get 10.4.2.3
ip route get 10.0.0.5
ip -j route show 10.1.0.0/16
ip route show scope host
ip route show scope global

# route add/del/change errors and odd arguments
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 dev nosuch
ip route add 10.0.0.0/33 via 192.0.2.254
ip route add 10.0.0.1/8 via 192.0.2.254
ip route add 10.0.0.0/8 via 192.0.2.254 metric x
ip route add 10.0.0.0/8 via 192.0.2.254 table frob
ip route add 10.0.0.0/8 via 192.0.2.254 proto frob
ip route add 10.0.0.0/8 via 192.0.2.254 scope frob
ip route add 10.0.0.0/8 via 192.0.2.254 src 198.51.100.1
ip route add 10.0.0.0/8 via 192.0.2.1
ip route add 10.0.0.0/8
ip route del 10.0.0.0/8
ip route change 10.0.0.0/8 via 192.0.2.254
ip route add 10.0.0.0/8 via 192.0.2.254 mtu lock 1280 advmss 1000
ip route show 10.0.0.0/8
ip route del 10.0.0.0/8 via 192.0.2.253
ip route del 10.0.0.0/8 dev v1
ip route del 10.0.0.0/8 proto kernel
ip route del 10.0.0.0/8 table 100
ip route append 10.0.0.0/8 via 192.0.2.253
ip route prepend 10.0.0.0/8 via 192.0.2.252 metric 1
ip route show 10.0.0.0/8

# ip route show selectors: root, match, exact, via, dev, proto, scope, type, src, table
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 10.1.0.0/16 via 192.0.2.253 proto static
ip route add 10.1.2.0/24 dev v0 scope link src 192.0.2.1
ip route add 10.1.2.3 via 192.0.2.252 metric 10
ip route add default via 192.0.2.254 proto dhcp metric 100
ip route show root 10.0.0.0/8
ip route show match 10.1.2.3
ip route show exact 10.1.0.0/16
ip route show via 192.0.2.254
ip route show proto static
ip route show proto kernel
ip route show scope link
ip route show src 192.0.2.1
ip route show dev v0 proto dhcp
ip route show 10.1.0.0/16
ip route show table main type unicast root 10.1.0.0/16
ip route list match 10.1.2.0/24
ip -o route show
ip -br route show
ip route show default
ip route show metric 10

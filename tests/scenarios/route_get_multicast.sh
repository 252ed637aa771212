# ip route get of multicast groups: a route shorter than /4 gives its device but not its gateway or metrics (__mkroute_output)
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 dev v1
ip route add default via 10.0.0.254 dev v0 mtu 1400
ip route get 224.0.0.5
ip route get 239.1.2.3
ip route get 255.255.255.255
ip route get 10.0.0.255
ip route get 8.8.8.8
ip route get fibmatch 239.1.2.3
ip route add 224.0.0.0/3 via 10.0.1.254 mtu 1300
ip route get 224.0.0.5
ip route add 224.0.0.0/4 via 10.0.1.253 mtu 1200
ip route get 224.0.0.5
ip route get 239.1.2.3 oif v0
ip route get fibmatch 239.1.2.3
ip route del 224.0.0.0/4
ip route add 224.0.0.0/4 dev v1 mtu 1100
ip route get 239.1.2.3
ip route get 224.0.0.1

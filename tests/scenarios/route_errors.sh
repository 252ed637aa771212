# ip route usage errors and help
ip route help
ip route frob
ip route add
ip route add 10.0.0.0/33 dev lo
ip route add 10.0.0.0/8 dev eth9
ip route add 10.0.0.0/8
ip route add 10.0.0.0/8 via
ip route add 10.0.0.0/8 via 192.0.2.1 frob
ip route del default
ip route show table
ip route get
ip route get 10.0.0.300
ip route add 10.0.0.0/8 dev lo proto frob
ip route add 10.0.0.0/8 dev lo scope frob
ip route add 10.0.0.0/8 dev lo metric frob

# blackhole, unreachable, prohibit, throw and local routes
ip route add blackhole 10.1.0.0/16
ip route add unreachable 10.2.0.0/16
ip route add prohibit 10.3.0.0/16
ip route add throw 10.4.0.0/16
ip route
ip route add local 10.5.0.0/16 dev lo
ip link set lo up
ip route add local 10.5.0.0/16 dev lo
ip route add local 10.6.0.1 dev lo table main
ip route show table local
ip route show table main
ip route show type blackhole
ip route show type unreachable
ip -6 route add blackhole 2001:db8:1::/48
ip -6 route add unreachable 2001:db8:2::/48
ip -6 route add prohibit 2001:db8:3::/48
ip -6 route
ip route add nat 10.7.0.0/16 via 10.0.0.1
ip route add frob 10.8.0.0/16

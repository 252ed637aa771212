# route metrics: mtu, lock, advmss, window, hoplimit, initcwnd
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.1.0.0/16 via 192.0.2.2 mtu 1400
ip route add 10.2.0.0/16 via 192.0.2.2 mtu lock 1300
ip route add 10.3.0.0/16 via 192.0.2.2 advmss 1200 window 65535
ip route add 10.4.0.0/16 via 192.0.2.2 hoplimit 10 initcwnd 20 initrwnd 30
ip route add 10.5.0.0/16 via 192.0.2.2 rtt 100ms rttvar 50ms
ip route add 10.6.0.0/16 via 192.0.2.2 congctl lock reno
ip route add 10.7.0.0/16 via 192.0.2.2 features ecn quickack 1
ip route
ip -j -p route show 10.1.0.0/16
ip route add 10.8.0.0/16 via 192.0.2.2 mtu frob

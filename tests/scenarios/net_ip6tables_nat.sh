# ip6tables' nat table on a router: MASQUERADE and SNAT to the outside address, DNAT to an inside host (ICMPv6 echo and TCP), counters and listings
ip netns add c
ip netns add r
ip netns add s
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s
ip -n c addr add fd00:1::2/64 dev e0 nodad
ip -n r addr add fd00:1::1/64 dev v1 nodad
ip -n r addr add fd00:2::1/64 dev v0 nodad
ip -n s addr add fd00:2::2/64 dev e0 nodad
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c link set lo up
ip -n c -6 route add default via fd00:1::1
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec c ping -6 -c 1 -W 1 fd00:2::2
ip netns exec r ip6tables -t nat -A POSTROUTING -o v0 -p ipv6-icmp -j MASQUERADE
ip netns exec c ping -6 -c 2 -i 0.2 fd00:2::2
ip netns exec r ip6tables -t nat -A PREROUTING -d fd00:2::1 -p tcp --dport 80 -j DNAT --to-destination '[fd00:1::2]:8080'
ip netns exec r ip6tables -t nat -A POSTROUTING -o v1 -p tcp -j SNAT --to-source fd00:1::1
ip netns exec c nc -6 -l 8080 &
ip netns exec s nc -6 -zv -w 2 fd00:2::1 80
ip netns exec r ip6tables -t nat -L -n -v
ip netns exec r ip6tables -t nat -S
ip netns exec r ip6tables-save -t nat

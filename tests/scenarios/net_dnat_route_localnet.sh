# DNAT to 127.0.0.1 reaches the host only where route_localnet is on (ip_route_input_slow's martian check, IN_DEV_ORCONF)
ip netns add c
ip netns add r
ip link add e1 netns c type veth peer name r1 netns r
ip -n c addr add 10.0.0.2/24 dev e1
ip -n r addr add 10.0.0.1/24 dev r1
ip -n c link set e1 up
ip -n r link set r1 up
ip -n r link set lo up
ip netns exec r iptables -t nat -A PREROUTING -p icmp -d 10.0.0.1 -j DNAT --to-destination 127.0.0.1
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec r sysctl net.ipv4.conf.r1.route_localnet net.ipv4.conf.all.route_localnet
ip netns exec r sysctl -w net.ipv4.conf.r1.route_localnet=1
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec r sysctl -w net.ipv4.conf.r1.route_localnet=0
ip netns exec r sysctl -w net.ipv4.conf.all.route_localnet=1
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec r iptables -t nat -L PREROUTING -v -n
ip netns exec r sysctl net.ipv4.conf.lo.arp_evict_nocarrier net.ipv4.conf.default.bc_forwarding net.ipv4.conf.r1.igmpv2_unsolicited_report_interval net.ipv4.conf.all.igmpv3_unsolicited_report_interval net.ipv4.conf.lo.src_valid_mark net.ipv4.conf.lo.tag net.ipv4.conf.r1.medium_id

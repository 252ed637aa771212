# A router's subnet-router anycast address answers neighbour solicitations (ndisc_recv_ns: ipv6_chk_acast_addr, router flag from forwarding) and echo requests, from the address the route back selects (icmpv6_echo_reply: not a unicast destination); its own ping goes through lo (ip6_rt_get_dev_rcu) and is lost while lo is down
ip netns add r
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 netns r
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec r ip addr add 2001:db8:1::1/64 dev v0
ip netns exec r ip link set v0 up
ip addr add 2001:db8:1::2/64 dev v1
ip link set v1 up
ping -c 1 -W 1 2001:db8:1::
ip -6 neigh show
ip netns exec r ping -c 1 -W 1 2001:db8:1::
ip netns exec r ip link set lo up
ip netns exec r ping -c 1 -W 1 2001:db8:1::
ip netns exec r ip -6 route get 2001:db8:1:: from 2001:db8:1::2 iif v0
ip netns exec r sysctl -w net.ipv6.conf.v0.forwarding=0
ping -c 1 -W 1 2001:db8:1::

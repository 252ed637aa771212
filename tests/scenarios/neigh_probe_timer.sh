# An unanswered neighbour lookup sends its requests from the entry's timer, one each retrans_time (neigh_timer_handler): a ping giving up after a second has seen two ARP requests leave, not three
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 1 -W 1 10.0.0.9
ip -n h1 -s link show e1

# an inet table's NAT statement of the other family does nothing and the
# rule goes on (nft_nat_inet_eval)
ip netns add c
ip netns add r
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip -n c addr add 10.0.0.2/24 dev e0
ip -n c addr add fd00::2/64 dev e0 nodad
ip -n r addr add 10.0.0.1/24 dev v1
ip -n r addr add fd00::1/64 dev v1 nodad
ip -n c link set e0 up
ip -n r link set v1 up
ip netns exec r nft 'add table inet n; add chain inet n pre { type nat hook prerouting priority dstnat; }; add rule inet n pre dnat ip to 10.0.0.1; add rule inet n pre counter; add rule inet n pre dnat ip6 to fd00::1'
ip netns exec c ping -c 1 fd00::7
ip netns exec c ping -c 1 fd00::1
ip netns exec r nft list ruleset
ip netns exec c ping -c 1 10.0.0.1
ip netns exec r nft list ruleset

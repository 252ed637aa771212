# bridge options beyond STP: group forwarding, multicast snooping, netfilter calls
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link set br0 type bridge group_fwd_mask 0x4000 group_address 01:80:c2:00:00:0e mcast_router 2 mcast_snooping 0 mcast_query_use_ifaddr 1 mcast_querier 1 mcast_hash_elasticity 10 mcast_hash_max 1000 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 26000 mcast_query_interval 13000 mcast_query_response_interval 2000 mcast_startup_query_interval 4000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 1 nf_call_ip6tables 1 nf_call_arptables 1
ip -d link show br0
ip link set br0 type bridge group_fwd_mask 1
ip link set br0 type bridge group_fwd_mask 4
ip link set br0 type bridge group_address 01:80:c2:00:00:01
ip link set br0 type bridge group_address 01:80:c2:00:00:10
ip link set br0 type bridge mcast_router 3
ip link set br0 type bridge mcast_snooping 1 mcast_router 3
ip link set br0 type bridge mcast_query_interval 50 mcast_startup_query_interval 10
ip link set br0 type bridge mcast_membership_interval 1 mcast_last_member_interval 201
ip -j -d link show br0
ip link set br0 type bridge mcast_vlan_snooping 1
ip link set br0 type bridge no_linklocal_learn 1
ip link set br0 type bridge mcast_query_interval 9000000 forward_delay 1501 hello_time 301 max_age 2001
ip -d link show br0
ip link add br1 address 02:00:00:00:00:02 type bridge mcast_snooping 0 nf_call_iptables 1 mcast_igmp_version 4
ip link add br1 address 02:00:00:00:00:02 type bridge mcast_snooping 0 nf_call_iptables 1
ip -d link show br1

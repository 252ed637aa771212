# bridge options at creation and with ip link set type bridge, shown in JSON (no timers)
ip link add br0 address 02:00:00:00:00:b0 type bridge stp_state 1 forward_delay 400 priority 100
ip -j link show br0
ip link set br0 type bridge stp_state 0 ageing_time 6000
ip link set br0 type bridge forward_delay 100
ip link set br0 type bridge vlan_filtering 1 vlan_default_pvid 10
ip link set br0 type bridge vlan_default_pvid 5000
ip link add br1 address 02:00:00:00:00:b1 type bridge hello_time 50 stp_state 1
ip link add br2 address 02:00:00:00:00:b2 type bridge max_age 100
ip -br link show type bridge
ip link set br0 type bridge frob 1

# macvtap: a macvlan with a tap queue (qlen 500, pfifo_fast once up)
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add link v0 name mt0 address 02:00:00:00:00:20 type macvtap
ip link add link v0 name mt1 address 02:00:00:00:00:21 type macvtap mode bridge
ip link add link v0 name mv0 address 02:00:00:00:00:22 type macvlan mode bridge
ip link show mt0
ip -d link show mt1
ip link set v0 up
ip link set mt0 up
ip -d link show mt0
ip -j -d link show mt0
ip link set mt1 type macvlan mode private
ip link set mt1 type macvtap mode private
ip -d link show mt1
ip link add link mt0 name mt2 address 02:00:00:00:00:23 type macvtap
ip link add link v0 name mt3 type macvtap mode passthru
ip link add link lo name mt4 type macvtap
ip -br link
ip link show type macvtap
ip link del mt0
ip link

# macvlan modes, -d output, changing mode, deleting the lower device
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add link v0 name m0 address 02:00:00:00:00:10 type macvlan mode private
ip link add link v0 name m1 address 02:00:00:00:00:11 type macvlan mode vepa
ip link add link v0 name m2 address 02:00:00:00:00:12 type macvlan mode bridge
ip link add link v0 name m3 address 02:00:00:00:00:13 type macvlan mode passthru
ip link add link v0 name m4 address 02:00:00:00:00:14 type macvlan mode source
ip -d link show m0
ip -d link show m1
ip -d link show m2
ip -br link
ip link set m2 type macvlan mode private
ip -d link show m2
ip link add link nosuch name m5 type macvlan
ip link add name m6 type macvlan
ip link del v0
ip -br link

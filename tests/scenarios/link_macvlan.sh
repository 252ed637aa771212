# macvlan links on a veth, with modes
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add mv0 link v0 address 02:00:00:00:02:01 type macvlan mode bridge
ip link add mv1 link v0 address 02:00:00:00:02:02 type macvlan mode private
ip link add link v0 name mv2 address 02:00:00:00:02:03 type macvlan mode vepa
ip link show mv0
ip -br link
ip link show type macvlan
ip link set mv0 up
ip link show mv0
ip link set v0 up
ip link set v1 up
ip -br link
ip link add mv3 link eth9 address 02:00:00:00:02:04 type macvlan
ip link add mv3 address 02:00:00:00:02:04 type macvlan
ip link del v0
ip -br link

# ip link errors: names, kinds, missing peers, duplicates, set on missing devices
ip link add name "" type veth
ip link add name abcdefghijklmnopq type veth
ip link add name a/b type veth
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v0 type veth
ip link add v2 type veth peer name v0
ip link set nosuch up
ip link set v0 name v1
ip link set v0 mtu 20
ip link set v0 mtu frob
ip link set v0 address zz
ip link set v0 frob
ip link del nosuch
ip link del lo
ip link set lo netns nosuch
ip link show dev nosuch
ip link add link nosuch name m0 type macvlan
ip link add v3 type frob
ip link add br0 type bridge frob

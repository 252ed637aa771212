# ip link set: mtu, txqueuelen, alias, address, broadcast, arp, multicast, allmulticast, promisc, group, name
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 mtu 1400 txqueuelen 500
ip link set dev v0 alias "uplink port"
ip link set v0 address 02:00:00:00:00:11
ip link set v0 broadcast 02:ff:ff:ff:ff:ff
ip link set v0 arp off
ip link set v0 multicast off
ip link set v0 allmulticast on
ip link set v0 promisc on
ip link set v0 group 5
ip link show v0
ip link set v0 arp on multicast on allmulticast off promisc off
ip link set v0 group default
ip link set v0 name uplink
ip link show uplink
ip link show group 5
ip link set uplink mtu 70000
ip link set uplink mtu 60
ip link set uplink address 01:00:00:00:00:01
ip link set uplink txqlen 2000
ip -br link show dev uplink
ip link set uplink alias ""
ip link show uplink

# bridge fdb add on a port: permanent (no state given), static and dynamic; add again is EEXIST; replace changes the state; e1 stays silent (no IPv6) so nothing is learnt
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02
sysctl -w net.ipv6.conf.e1.disable_ipv6=1
ip link set p1 master br0
ip link set br0 up
ip link set p1 up
ip link set e1 up
bridge fdb add 02:00:00:00:09:01 dev p1 master
bridge fdb add 02:00:00:00:09:01 dev p1 master
bridge fdb add 02:00:00:00:09:02 dev p1 master static
bridge fdb add 02:00:00:00:09:03 dev p1 master dynamic
bridge fdb show br br0 dynamic
bridge fdb show dev p1 | grep 09:0
bridge fdb replace 02:00:00:00:09:01 dev p1 master static
bridge fdb replace 02:00:00:00:09:02 dev p1 master
bridge fdb replace 02:00:00:00:09:03 dev p1 master dynamic
bridge fdb show dev p1 | grep 09:0
bridge fdb del 02:00:00:00:09:02 dev p1 master
bridge fdb show dev p1 | grep 09:0

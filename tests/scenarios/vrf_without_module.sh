# what a kernel without the vrf module shows of VRFs: l3mdev rules are accepted, ip vrf lists none, vrf names are refused
ip rule add l3mdev pref 1000
ip rule
ip -6 rule add l3mdev pref 1000
ip -6 rule
ip rule add l3mdev pref 1000
ip rule add l3mdev table 10
ip link add v0 type veth peer name v1
ip link set v0 up
ip addr add 10.0.0.1/24 dev v0
ip route get 10.0.0.2
ip route get 10.0.0.2 oif v0
ip vrf show
ip vrf show foo
ip vrf show v0
ip vrf frob
ip route show vrf foo
ip route show vrf v0
ip route get 10.0.0.2 vrf v0
ip -br link show vrf v0
ip addr show vrf foo
ip neigh show vrf v0
ip rule del l3mdev pref 1000
ip rule

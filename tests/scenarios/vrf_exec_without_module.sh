# ip vrf exec, identify and pids where no VRF exists (the kernel here has no vrf module): the argument checks of ip/ipvrf.c, name_is_vrf refusing a device that is not a VRF, a process in no VRF
ip link add v0 type veth peer name v1
ip vrf exec
ip vrf exec v0
ip vrf exec v0 true
ip vrf exec nosuch true
ip vrf identify
ip vrf identify 999999
ip vrf identify 12 13
ip vrf identify abc
ip vrf pids
ip vrf pids v0
ip vrf pids nosuch
ip vrf pids v0 v1

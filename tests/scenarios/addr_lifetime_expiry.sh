# Address lifetimes run out: valid_lft over deletes the address (and its routes), preferred_lft over deprecates it
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 10.9.0.1/24 dev v0 valid_lft 1 preferred_lft 1
ip addr add 10.9.1.1/24 dev v0 valid_lft forever preferred_lft 1
ip -6 addr add fd09::1/64 dev v0 nodad valid_lft 1 preferred_lft 1
ip -6 addr add fd09:1::1/64 dev v0 nodad valid_lft forever preferred_lft 1
ip addr add 10.9.2.1/24 dev v0
ping -c 4 -i 1 -q 127.0.0.1
ip addr show dev v0
ip route show dev v0

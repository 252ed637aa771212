# abbreviated objects and commands
ip a
ip addr
ip add ls lo
ip ad sh lo
ip l
ip li sh
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip l s dev v0 up
ip l s v1 up
ip r
ip ro sh
ip rou li
ip n
ip ne sh
ip ru
ip ru sh
ip ro a 10.0.0.0/8 dev v0
ip r
ip r d 10.0.0.0/8
ip a a 192.0.2.1/24 dev v0
ip -4 a s v0
ip a d 192.0.2.1/24 dev v0
ip netns ls
ip li del v0
ip -br l

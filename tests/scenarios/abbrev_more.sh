# abbreviations of objects, verbs and keywords
ip l a v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip l s v0 up
ip a a 192.0.2.1/24 dev v0
ip a s dev v0
ip r a 10.0.0.0/8 via 192.0.2.254
ip r s
ip r g 10.1.1.1
ip ro li
ip n a 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0
ip n s dev v0
ip ru a from 192.0.2.0/24 t 100
ip ru s
ip ru d from 192.0.2.0/24 t 100
ip addr sh dev v0 sc global
ip link sh dev v0 u
ip r del 10.0.0.0/8
ip a d 192.0.2.1/24 dev v0
ip l d v0
ip -br -4 a

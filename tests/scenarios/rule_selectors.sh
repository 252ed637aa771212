# rule selectors: iif, oif, fwmark, tos, dsfield, ipproto, sport, dport, uidrange
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip rule add iif v0 table 10
ip rule add oif v1 table 11
ip rule add fwmark 0x10 table 12
ip rule add fwmark 0x20/0xf0 table 13
ip rule add tos 0x10 table 14
ip rule add dsfield 0x20 table 15
ip rule add dsfield 0x08 table 15
ip rule add ipproto tcp table 16
ip rule add ipproto 17 dport 53 table 17
ip rule add ipproto tcp sport 1000-2000 table 18
ip rule add uidrange 1000-1999 table 19
ip rule add from 192.0.2.0/24 to 198.51.100.0/24 iif lo table 20 pref 100
ip rule add table 21 suppress_prefixlength 0
ip rule add table 22 goto 32766
ip rule add table 23 realms 5
ip rule
ip rule show iif v0
ip rule show fwmark 0x10
ip rule show uidrange 1000-1999
ip -j -p rule show table 17
ip rule add iif eth9 table 30
ip rule show

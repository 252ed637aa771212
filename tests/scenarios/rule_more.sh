# ip rule: add variants, show filters, delete by selectors, JSON
ip rule add from 192.0.2.0/24 table 100 pref 1000
ip rule add to 198.51.100.0/24 lookup 200 priority 1001
ip rule add fwmark 0x10/0xff table 300
ip rule add iif lo table 400
ip rule add not from 10.0.0.0/8 table 500
ip rule add from all tos 0x10 table 600
ip rule add dport 80 ipproto tcp table 700
ip rule add uidrange 1000-2000 table 800
ip rule add from 203.0.113.7 blackhole
ip rule add from 203.0.113.8 unreachable
ip rule add from 203.0.113.9 prohibit
ip rule
ip rule show table 100
ip rule show pref 1001
ip rule list from 192.0.2.0/24
ip -j rule show table 300
ip rule del pref 1000
ip rule del from 203.0.113.7
ip rule del table 800
ip rule del table 999
ip rule
ip -6 rule add from 2001:db8::/32 table 100
ip -6 rule

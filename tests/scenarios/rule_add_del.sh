# adding and deleting rules with from, to, table, priority, lookup
ip rule add from 192.0.2.0/24 table 100
ip rule add to 198.51.100.0/24 lookup 200 priority 1000
ip rule add from 203.0.113.1 table main pref 500
ip rule add from all lookup 300
ip rule
ip rule add to 198.51.100.0/24 lookup 200 priority 1000
ip rule del priority 1000
ip rule del priority 1000
ip rule del from 192.0.2.0/24 table 100
ip rule del table 300
ip rule
ip rule delete pref 500
ip rule
ip rule add from 192.0.2.0/24 blackhole
ip rule add from 192.0.2.1 unreachable
ip rule add from 192.0.2.2 prohibit
ip rule add not from 10.0.0.0/8 table 5
ip rule

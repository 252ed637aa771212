# ip rule errors and edge cases
ip rule add table 100
ip rule add from 192.0.2.0/33 table 100
ip rule add from frob table 100
ip rule add fwmark frob table 100
ip rule add pref frob table 100
ip rule add table frob
ip rule add goto 5
ip rule add pref 10 goto 5
ip rule add pref 10 goto 20
ip rule add pref 20 table 50
ip rule
ip rule del pref 20
ip rule add nop
ip rule add pref 30 nop
ip rule show pref 30
ip rule del pref 32766
ip rule
ip rule del pref 32766
ip rule flush
ip rule

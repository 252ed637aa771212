# IPv6 rules and rule errors
ip -6 rule add from 2001:db8::/32 table 100
ip -6 rule add to 2001:db8:1::/48 lookup 200 pref 10
ip -6 rule
ip rule add from 2001:db8::/32 table 101
ip -6 rule
ip rule add from 2001:db8::/32 to 192.0.2.0/24 table 102
ip -6 rule add from 2001:db8::/32 table 100
ip -6 rule del from 2001:db8::/32 table 100
ip -6 rule del from 2001:db8::/32 table 100
ip -6 rule del from 2001:db8::/32 table 100
ip -6 rule
ip rule help
ip rule frob
ip rule add table frob
ip rule add from 192.0.2.0/33 table 5
ip rule add fwmark frob table 5
ip rule add pref frob table 5
ip rule add dport 1 table 5
ip rule add uidrange 5 table 5

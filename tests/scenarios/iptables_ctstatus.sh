# conntrack's --ctstatus and --ctexpire (libxt_conntrack), and the match
# without any option
iptables -A INPUT -m conntrack -j ACCEPT
iptables -A INPUT -m state -j ACCEPT
iptables -A INPUT -m conntrack --ctstatus ASSURED,SEEN_REPLY -j ACCEPT
iptables -A INPUT -m conntrack '!' --ctstatus confirmed -j ACCEPT
iptables -A INPUT -m conntrack --ctstatus EXPECTED,NONE -j ACCEPT
iptables -A INPUT -m conntrack --ctstatus NONE -j ACCEPT
iptables -A INPUT -m conntrack --ctexpire 10:20 -j ACCEPT
iptables -A INPUT -m conntrack --ctexpire 30 -j ACCEPT
iptables -A INPUT -m conntrack --ctexpire 7: -j ACCEPT
iptables -A INPUT -m conntrack '!' --ctexpire 5:9 --ctstate NEW -j ACCEPT
iptables -A INPUT -m conntrack --ctstatus FOO -j ACCEPT
iptables -A INPUT -m conntrack --ctexpire 5:abc -j ACCEPT
iptables -A INPUT -m conntrack --ctexpire 20:10 --ctdir REPLY -j ACCEPT
iptables -S INPUT
iptables -L INPUT -n
ip6tables -A OUTPUT -m conntrack --ctstatus SEEN_REPLY --ctexpire 1:100 -j ACCEPT
ip6tables-save

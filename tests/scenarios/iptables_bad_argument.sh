# A word that is no option where iptables expects one: "Bad argument" (do_parse's non-option case), exit 2
iptables -L -n --line-numbers FORWARD
iptables -A INPUT foo -j ACCEPT
iptables -L INPUT -n extra
iptables -D INPUT 1 2
ip6tables -t nat -L -n POSTROUTING x
iptables -L FORWARD -n --line-numbers
iptables -S

# iptables -E renames a chain (jumps follow), -C checks, -R replaces, -D by number with --line-numbers, -Z zeroes counters (with -L and -v), -F, -X
ip link set lo up
iptables -N old
iptables -A old -j RETURN
iptables -A INPUT -p icmp -j old
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --dport 80 -j ACCEPT
iptables -E old new
iptables -E nope x
iptables -E new INPUT
iptables -L -n --line-numbers
iptables -C INPUT -p tcp --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --dport 23 -j ACCEPT
iptables -C nope -j ACCEPT
iptables -R INPUT 2 -p tcp --dport 2222 -j ACCEPT
iptables -R INPUT 9 -j ACCEPT
iptables -D INPUT 2
iptables -D INPUT 9
iptables -L INPUT -n --line-numbers
ping -c 1 127.0.0.1
iptables -L INPUT -n -v
iptables -Z INPUT
iptables -Z nope
iptables -L INPUT -n -v
iptables -Z
iptables -L -v -n -Z
iptables -F INPUT
iptables -X new
iptables -F
iptables -X
iptables -S

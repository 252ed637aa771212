# iptables listing forms: -L with a chain, -v -x, --line-numbers, -S with a chain, -Z
iptables -A INPUT -i v0 -p tcp --sport 1024 -j ACCEPT
iptables -A INPUT -o v1 -d 192.168.0.0/255.255.0.0 -j REJECT --reject-with tcp-reset
iptables -A OUTPUT -p icmp --icmp-type 0 -j ACCEPT
iptables -L INPUT
iptables -L INPUT -v -x
iptables -L OUTPUT -n --line-numbers
iptables -L OUTPUT
iptables -S OUTPUT
iptables -Z
iptables -Z INPUT
iptables -L -v -n

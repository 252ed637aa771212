# iptables: user chains, jumps, RETURN, deleting chains in use, policies of user chains
iptables -N web
iptables -A web -p tcp --dport 80 -j ACCEPT
iptables -A web -j RETURN
iptables -A FORWARD -o v0 -j web
iptables -L -n
iptables -S
iptables -X web
iptables -P web DROP
iptables -N web
iptables -D FORWARD 1
iptables -X web
iptables -F web
iptables -X web
iptables -S

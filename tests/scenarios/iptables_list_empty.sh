# iptables in a fresh namespace: the empty filter table, listing forms, policies
iptables -L
iptables -L -n -v
iptables -S
iptables -t nat -L
iptables -t nat -S
iptables-save
iptables -P FORWARD DROP
iptables -L FORWARD
iptables -S
iptables-save

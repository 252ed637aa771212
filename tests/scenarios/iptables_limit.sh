# iptables -m limit: nft's limit expression, listed and saved in iptables' units; bad rates and bursts
iptables -A INPUT -p tcp --dport 22 -m limit --limit 3/min --limit-burst 5 -j LOG --log-prefix "ssh: "
iptables -A INPUT -m limit --limit 10/s -j ACCEPT
iptables -A INPUT -m limit
iptables -A INPUT -m limit --limit 7/day --limit-burst 1
iptables -A INPUT -m limit --limit 2/Hour --limit-burst 10000
iptables -A INPUT -m limit --limit 90/minute
iptables -A INPUT -m limit --limit 7
iptables -A INPUT -m limit --limit-burst 0
iptables -A INPUT -m limit --limit 1000/sec
iptables -A INPUT -m limit '!' --limit 1/hour
iptables -A INPUT -m limit --limit 0/s
iptables -A INPUT -m limit --limit 3/fortnight
iptables -A INPUT -m limit --limit 3/
iptables -A INPUT -m limit --limit 100000/s
iptables -A INPUT -m limit --limit -1/s
iptables -A INPUT -m limit --limit-burst 10001
iptables -A INPUT -m limit --limit-burst x
iptables -L INPUT
iptables -L INPUT -v -n
iptables -S INPUT
iptables -D INPUT -m limit --limit 7/day --limit-burst 1
iptables-save -t filter

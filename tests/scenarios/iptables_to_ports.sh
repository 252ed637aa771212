# MASQUERADE/REDIRECT --to-ports MIN[-MAX] (parse_ports: TCP/UDP only, dash ranges, "not valid", "funky"); --dport takes a service name of any protocol
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports x
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports x
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1000:2000
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 3000-2000
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 3000-0
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 70000
iptables -t nat -A PREROUTING -j REDIRECT --to-ports 8080
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports x
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080-8090
iptables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports domain
iptables -A INPUT -p udp --dport http -j DROP
iptables -A INPUT -p udp --sport https -j DROP
iptables -A INPUT -p udp -m multiport --dports http,ssh -j DROP
iptables -t nat -S
iptables -t nat -L -n
iptables -S INPUT
iptables -L INPUT

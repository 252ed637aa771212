# ss without -t/-u asks every table: a Netid column, DCCP's dump refused by this kernel (no DCCP), connected UDP and TCP sockets; -x asks the unix tables
ip link set lo up
ss
ss -n
nc -l 127.0.0.1 7777 &
nc -lu 127.0.0.1 5353 &
ss -H
nc 127.0.0.1 7777 &
nc -u 127.0.0.1 5353 &
ss dport = :5353
ss dport = :7777
ss -n state established dport = :7777
ss -tn dport = :7777
ss -4 -n sport = :7777
ss -x
ss -xa

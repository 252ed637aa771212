# Sockets on lo inside one namespace
ip link set lo up
nc -zv 127.0.0.1 80
nc -l 127.0.0.1 7777 &
ss -tln
echo local | nc -N 127.0.0.1 7777
ss -tan
curl -sS 127.0.0.1:7777
nc -zv 127.0.0.2 80

# traceroute checks the first hop against the maximum after the whole line is read (main: "first hop out of range"), and takes -z, -N and -w MAX,HERE,NEAR
ip link set lo up
traceroute -n -f 5 -m 3 127.0.0.1
traceroute -n -f 3 -m 3 -q 1 127.0.0.1
traceroute -n -z 20 -q 2 -m 2 127.0.0.1
traceroute -n -N 1 -w 1,2 -q 2 127.0.0.1
traceroute -n -w 2,0.5,1 -q 1 127.0.0.1

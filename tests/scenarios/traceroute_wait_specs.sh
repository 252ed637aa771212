# traceroute -w MAX,HERE,NEAR: exact decimals, refused when negative and
# printed back with %g
ip link set lo up
traceroute -n -w -1 10.9.9.9
traceroute -n -w 1,-2.5 10.9.9.9
traceroute -n -w 0.0000001,-1e-7 10.9.9.9
traceroute -n -w -0,-1 10.9.9.9
traceroute -n -w 1.5,0.5,2 -q 1 -m 2 127.0.0.1

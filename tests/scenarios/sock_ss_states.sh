# ss in each TCP state: LISTEN with a queue, ESTAB, CLOSE-WAIT, FIN-WAIT-2, TIME-WAIT
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 nc -l 8080 &
ip netns exec h1 nc 10.0.0.2 8080 &
ip netns exec h1 nc -N 10.0.0.2 8080 &
ip netns exec h2 ss -tan state listening state close-wait
ip netns exec h2 ss -tn state close-wait
ip netns exec h1 ss -tn state fin-wait-2
ip netns exec h2 ss -tln state listening
ip netns exec h2 ss -t state established
ip netns exec h1 ss -tan state established
ip netns exec h1 ss -ta state syn-sent
ip netns exec h2 ss -tan state synchronized exclude established
ip netns exec h1 ss -tan exclude established

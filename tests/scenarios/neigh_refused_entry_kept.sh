# neigh_add creates the entry (___neigh_create) before __neigh_update refuses a state without a link-layer address; the entry stays in no state, listed only by nud all (and nud none), and a second add finds it (EEXIST)
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev va1
ip neigh add 10.0.0.5 dev va1 nud permanent
ip neigh show
ip neigh show nud all
ip neigh show nud none
ip -j neigh show nud all
ip neigh add 10.0.0.5 dev va1 nud permanent
ip neigh add 10.0.0.5 dev va1 lladdr 02:00:00:00:00:05 nud reachable
ip -6 neigh add fd00::5 dev va1 nud permanent
ip neigh show nud all
ip neigh replace 10.0.0.5 dev va1 lladdr 02:00:00:00:00:05 nud reachable
ip neigh show nud all
ip neigh del 10.0.0.5 dev va1
ip neigh replace 10.0.0.7 dev va1 nud noarp
ip neigh show nud all
ip neigh flush dev va1
ip neigh show nud all
ip link set va1 up
ip neigh add 10.0.0.8 dev va1 nud stale
ip neigh show nud all
ip link del va1
ip neigh show nud all

# per-device defaults where all, default and lo differ (ipv4_devconf, ipv6_devconf against their _dflt); a device's accept_dad=0 turns DAD off since all's is 0
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl net.ipv4.conf.all.accept_source_route net.ipv4.conf.default.accept_source_route net.ipv4.conf.lo.accept_source_route net.ipv4.conf.v0.accept_source_route
sysctl net.ipv6.conf.all.accept_dad net.ipv6.conf.default.accept_dad net.ipv6.conf.lo.accept_dad net.ipv6.conf.v0.accept_dad
sysctl net.ipv6.conf.all.use_tempaddr net.ipv6.conf.lo.use_tempaddr net.ipv6.conf.v0.use_tempaddr net.ipv6.conf.v0.max_addresses net.ipv6.conf.v0.ra_defrtr_metric
sysctl net.ipv6.conf.v0.router_solicitation_interval net.ipv6.conf.v0.temp_valid_lft net.ipv6.conf.v0.enhanced_dad net.ipv6.conf.v0.suppress_frag_ndisc
sysctl -w net.ipv6.conf.v0.accept_dad=0
ip link set v0 up
ip addr add 2001:db8::1/64 dev v0
ip -6 addr show dev v0
ip link set v1 up
ip addr add 2001:db8::2/64 dev v1
ip -6 addr show dev v1

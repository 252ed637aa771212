# ip addrlabel: the RFC 6724 defaults, entries sorted in by prefix length (device-bound first), EEXIST, delete by prefix and device whatever the label, JSON, flush of every entry
ip addrlabel
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addrlabel add prefix dead::/64 dev lo label 1
ip addrlabel add prefix dead::/64 label 1
ip addrlabel add prefix dead::/64 label 1
ip addrlabel add prefix 1c3::1/64 label 12345 dev v0
ip addrlabel list
ip addrlabel del prefix dead::/64 dev lo label 1
ip addrlabel del prefix dead::/64 dev lo label 1
ip addrlabel del prefix dead::/64 label 2
ip addrlabel add prefix ::/0 label 3
ip addrlabel add prefix ::ffff:1.2.3.4/120 label 3
ip addrlabel add prefix 10.0.0.0/8 label 3
ip addrlabel add prefix 2001:db8::/32 label 4294967295
ip addrlabel add prefix 2001:db8::/32 dev nosuch label 1
ip addrlabel add prefix 2001:db8::/32
ip addrlabel add label 7
ip -j addrlabel list
ip addrlabel flush
ip addrlabel list
ip addrlabel help

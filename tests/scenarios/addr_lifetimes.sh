# valid_lft and preferred_lft; an address with a finite lifetime is shown
# only by the command right after it was set (the kernel counts down in
# whole seconds of real time)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0 valid_lft forever preferred_lft forever
ip addr show dev v0
ip addr add 198.51.100.1/24 dev v0 valid_lft 3000 preferred_lft 2000
ip addr show to 198.51.100.1
ip addr add 203.0.113.1/24 dev v1 valid_lft 3000 preferred_lft 0
ip addr show dev v1 deprecated
ip addr change 198.51.100.1/24 dev v0 valid_lft 600 preferred_lft 600
ip -j addr show dev v0 dynamic
ip addr change 198.51.100.1/24 dev v0 valid_lft forever preferred_lft forever
ip addr show dev v0 permanent
ip addr add 2001:db8::1/64 dev v0 nodad valid_lft 1000 preferred_lft 500
ip -6 addr show dev v0
ip addr add 10.0.0.1/8 dev v0 valid_lft 100 preferred_lft 200
ip addr add 10.0.0.1/8 dev v0 valid_lft frob

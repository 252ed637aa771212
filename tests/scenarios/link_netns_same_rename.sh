# ip link set DEV netns NS name NEW where NS is the device's own namespace: the device stays and is renamed
ip netns add a
ip -n a link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -n a link set v0 netns a name v9
ip -n a link show
ip -n a link set v9 netns a
ip -n a -br link
ip -n a link set v1 netns a name v9
ip -n a link set v1 netns a name lo
ip -n a -br link

# ip link property add/del altname: lookups, show/-j/-o/-d/-br, errors, rename, delete by altname
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link property add dev br0 altname brother
ip link show brother
ip link property add dev br0 altname averyveryveryverylongname123456789 altname b2
ip link show dev averyveryveryverylongname123456789
ip -j link show dev br0
ip -o link show dev br0
ip -d link show dev lo
ip -br link show
ip link property add dev br0 altname brother
ip link property add dev lo altname br0
ip link property add dev br0 altname a/b
ip link property add dev br0 altname a123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
ip link property del dev br0 altname nothere
ip link property del dev br0 altname br0
ip link property del dev brother altname b2
ip link add brother type bridge
ip link set dev br0 name brother
ip link set dev brother name br1
ip link set brother up
ip link show
ip link property add dev lo altname
ip link property add altname x dev lo
ip link property frob
ip link property add dev nosuch altname q
ip addr show dev brother
ip link del brother
ip link show

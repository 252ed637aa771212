# ip neigh help and errors
ip neigh help
ip neigh frob
ip neigh add
ip neigh add 192.0.2.1
ip neigh del 192.0.2.1 dev eth9
ip neigh show dev eth9
ip neighbor
ip neighbour show

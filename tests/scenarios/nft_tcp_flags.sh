# nft: tcp flags in every form nft 1.0.6 reads (any of, none of, the whole byte, value over a mask, sets) and th ports, as listed
nft add table inet f
nft add chain inet f c
nft add rule inet f c tcp flags syn
nft add rule inet f c tcp flags syn,ack counter
nft add rule inet f c tcp flags '& (syn|ack) == syn' accept
nft add rule inet f c tcp flags '& (fin|syn|rst|ack) == syn' drop
nft add rule inet f c tcp flags '& syn == syn'
nft add rule inet f c tcp flags '& syn != syn'
nft add rule inet f c tcp flags '& (syn|ack) == 0'
nft add rule inet f c tcp flags '& (syn|ack) != syn'
nft add rule inet f c tcp flags 'syn / syn,ack'
nft add rule inet f c tcp flags == syn
nft add rule inet f c tcp flags '!=' syn,ack
nft add rule inet f c tcp flags '! rst'
nft add rule inet f c tcp flags '{ syn, ack }' accept
nft add rule inet f c tcp flags '!=' '{ fin, rst }' drop
nft add rule inet f c tcp flags cwr,ecn,urg,psh
nft add rule inet f c tcp flags 0x12
nft add rule inet f c tcp flags nosuch
nft add rule inet f c th dport 22 accept
nft add rule inet f c th sport '{ 22, 80 }' accept
nft add rule inet f c th dport 1000-2000 counter
nft add rule inet f c th dport '!=' 53
nft add rule inet f c meta l4proto udp th dport 53 accept
nft add rule inet f c ip saddr 10.0.0.1 th dport 22 tcp flags 'syn / syn,ack' drop
nft list ruleset
nft add table ip t
nft add chain ip t c
nft add rule ip t c th dport '{ 22, 80 }' tcp flags syn counter
nft -a list table ip t

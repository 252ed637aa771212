# `reject with tcp reset` after a match that fixed another transport
# protocol: nft's "you cannot use tcp reset with this protocol"
nft add table inet f
nft add chain inet f c
nft insert rule inet f c ip protocol icmp reject with tcp reset
nft add rule inet f c meta l4proto udp counter reject with tcp reset
nft add rule inet f c meta l4proto tcp reject with tcp reset
nft add rule inet f c ip protocol tcp reject with tcp reset
nft list chain inet f c

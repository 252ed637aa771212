# default policy rules of a fresh namespace
ip rule
ip rule list
ip rule show
ip ru
ip -4 rule
ip -6 rule
ip -6 rule list
ip rule show table main
ip rule show table local
ip rule show pref 32766
ip -j rule
ip -j -p rule show
ip -6 -j rule

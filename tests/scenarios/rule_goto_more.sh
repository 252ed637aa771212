# goto rules: the backward check uses the default preference when none is
# given, for deletions too
ip rule add from 10.0.0.0/8 goto 32000
ip rule add from 10.0.0.0/8 goto 32765 priority 100
ip rule add from 10.0.0.0/8 goto 200 priority 100
ip rule del from 10.0.0.0/8 goto 32000
ip rule del from 10.0.0.0/8 goto 200
ip rule del from 10.0.0.0/8 goto 200 priority 100
ip rule del from 10.0.0.0/8 goto 32766
ip rule add from 10.0.0.0/8 goto 32766
ip rule
ip rule del from 10.0.0.0/8 goto 32766
ip rule
ip rule add from 10.0.0.0/8 lookup 5 prio 100
ip rule add not from 10.0.0.0/8 lookup 5 prio 100
ip rule add from 10.0.0.0/8 lookup 5 prio 100 realms 3
ip rule add from 10.0.0.0/8 prio 100 goto 200
ip rule add from 10.0.0.0/8 prio 100 goto 300
ip rule

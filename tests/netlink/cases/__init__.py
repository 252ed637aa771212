"""The golden cases, one module per family.

A case is a function that receives a recording Session (see record.py) and drives
it: `s.socket(...)` opens a socket, `s.ask(sock, type, flags, body)` sends one
request, `s.send(sock, datagram)` sends raw bytes, `s.drain(sock)` records the
notifications a monitor socket has received.  Each call becomes one step.
"""

CASES = []


class Case:
    def __init__(self, name, comment, fn):
        self.name, self.comment, self.fn = name, comment, fn


def case(name, comment):
    """Registers a case; the name is family/short-name and must be unique."""
    def register(fn):
        if any(c.name == name for c in CASES):
            raise ValueError("duplicate case name " + name)
        CASES.append(Case(name, " ".join(comment.split()), fn))
        return fn
    return register


from . import misc, link, addr, route, neigh, rule, features, netfilter, sockdiag, nexthop  # noqa: E402,F401  (registers the cases)

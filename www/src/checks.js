// The goals of lesson steps, checked from a world's state: `topology()` for
// links, addresses, routes and neighbours, `exec()` for sysctls and rules.
// Pure functions of a World (they run in the page and in Node tests).

function namespace(world, name) {
  const spaces = world.topology().namespaces;
  return name ? spaces.find((n) => n.name === name) : spaces[0];
}

function execIn(world, line, netns) {
  return world.exec(line, netns ? { netns } : undefined);
}

const CHECKS = {
  /** A named namespace exists. */
  netns: (w, c) => w.netnsList().includes(c.netns),
  /** A link exists, optionally of a kind, up, with a veth peer or a master. */
  link: (w, c) => {
    const ns = namespace(w, c.ns);
    const l = ns?.links.find((x) => x.name === c.link);
    if (!l) return false;
    if (c.kind && l.kind !== c.kind) return false;
    if (c.up !== undefined && l.up !== c.up) return false;
    if (c.peer && l.peer?.name !== c.peer) return false;
    if (c.peerNs !== undefined && l.peer?.netnsName !== c.peerNs) return false;
    if (c.master && l.masterName !== c.master) return false;
    return true;
  },
  /** An address (ADDR/LEN) is on a device. */
  addr: (w, c) => {
    const ns = namespace(w, c.ns);
    return !!ns?.links.some((l) => (!c.dev || l.name === c.dev) && l.addresses.some((a) => `${a.address}/${a.prefixLen}` === c.addr));
  },
  /** A route to `route` exists (in `table`, via a gateway, out of a device). */
  route: (w, c) => {
    const ns = namespace(w, c.ns);
    return !!ns?.routes.some((r) => r.dst === c.route && r.table === (c.table ?? 254) &&
      (!c.via || r.nexthops.some((h) => h.gateway === c.via)) && (!c.dev || r.nexthops.some((h) => h.dev === c.dev)));
  },
  /** A neighbour entry exists (with a link-layer address and state). */
  neigh: (w, c) => {
    const ns = namespace(w, c.ns);
    return !!ns?.neighbours.some((n) => n.address === c.neigh && (!c.dev || n.dev === c.dev) &&
      (!c.lladdr || n.lladdr === c.lladdr) && (!c.state || n.state.includes(c.state)));
  },
  /** A sysctl has a value (`sysctl -n`). */
  sysctl: (w, c) => {
    const r = execIn(w, `sysctl -n ${c.sysctl}`, c.ns);
    return r.status === 0 && r.stdout.trim() === String(c.value);
  },
  /** A policy rule looks up `table` (with `from` PREFIX/LEN, `priority`). */
  rule: (w, c) => {
    const r = execIn(w, "ip -j rule", c.ns);
    if (r.status !== 0) return false;
    let rules;
    try {
      rules = JSON.parse(r.stdout);
    } catch {
      return false;
    }
    return rules.some((x) => String(x.table) === String(c.rule) &&
      (!c.from || `${x.src}/${x.srclen ?? 32}` === c.from) && (c.priority === undefined || x.priority === c.priority));
  },
  /** A command's standard output matches a regular expression (for state
   * no other goal reads: `iptables -t nat -S`, `ss -ltn`, ...). */
  output: (w, c) => {
    const r = execIn(w, c.output, c.ns);
    return r.status === 0 && new RegExp(c.match, "m").test(r.stdout);
  },
  /** The user ran a command matching a regular expression. */
  ran: (_w, c, ctx) => ctx.commands.some((line) => new RegExp(c.ran).test(line)),
};

/** Whether every goal of `goals` holds; `ctx.commands` lists the lines run. */
export function goalsMet(world, goals, ctx = { commands: [] }) {
  return goals.every((g) => {
    const kind = Object.keys(CHECKS).find((k) => k in g);
    if (!kind) return false;
    try {
      return CHECKS[kind](world, g, ctx);
    } catch {
      return false;
    }
  });
}

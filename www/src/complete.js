// Tab completion for the shell: commands, ip's objects, verbs and keywords,
// and the names of devices and namespaces from the world's state.

const COMMANDS = ["ip", "sysctl", "ping", "traceroute", "echo", "clear", "help", "exit", "true", "false"];
const IP_OPTIONS = ["-4", "-6", "-br", "-c", "-d", "-j", "-p", "-s", "-n", "-o", "-all"];

/** ip objects and, for each, its verbs and the keywords after them. */
const IP = {
  link: { verbs: ["show", "add", "set", "delete", "help"], keys: ["dev", "name", "type", "peer", "up", "down", "mtu", "address", "master", "nomaster", "netns", "group", "alias", "txqueuelen", "arp", "multicast", "promisc"] },
  address: { verbs: ["show", "add", "del", "flush", "replace", "change", "help"], keys: ["dev", "label", "scope", "broadcast", "peer", "valid_lft", "preferred_lft", "noprefixroute", "up"] },
  route: { verbs: ["show", "add", "del", "change", "replace", "get", "flush", "append", "help"], keys: ["via", "dev", "table", "metric", "src", "from", "iif", "oif", "proto", "scope", "onlink", "mtu", "nexthop", "blackhole", "unreachable", "prohibit", "default"] },
  rule: { verbs: ["show", "add", "del", "flush", "help"], keys: ["from", "to", "table", "lookup", "priority", "pref", "fwmark", "iif", "oif", "tos", "goto", "not"] },
  neighbour: { verbs: ["show", "add", "del", "change", "replace", "flush", "help"], keys: ["lladdr", "dev", "nud", "permanent", "noarp", "reachable", "stale", "router", "proxy"] },
  netns: { verbs: ["list", "add", "delete", "exec", "identify", "list-id", "set", "help"], keys: [] },
  netconf: { verbs: ["show"], keys: ["dev"] },
  maddress: { verbs: ["show"], keys: ["dev"] },
  monitor: { verbs: ["all", "link", "address", "route", "neigh"], keys: [] },
};
const ALIASES = { addr: "address", a: "address", l: "link", r: "route", ro: "route", neigh: "neighbour", n: "neighbour", ru: "rule" };
const LINK_TYPES = ["veth", "bridge", "dummy", "macvlan", "vlan"];
const SYSCTLS = ["net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding", "net.ipv4.conf.all.rp_filter", "net.ipv6.conf.all.disable_ipv6"];

/**
 * What to complete in `before` (the line up to the cursor): the partial word
 * and the candidates that extend it. `names(ns)` gives `{devices, netns}`:
 * the devices of namespace `ns` (`ip -n NS ...`), or of the current host.
 */
export function complete(before, names) {
  const segment = before.split(/;|&&|\|\|/).at(-1);
  const words = segment.trimStart().split(/\s+/);
  const word = words.pop() ?? "";
  const pick = (list) => ({ replace: word, candidates: [...new Set(list)].filter((c) => c.startsWith(word)).sort() });
  if (words.length === 0) return pick(COMMANDS);
  if (words[0] === "sysctl") return pick(["-n", "-w", "-a", ...SYSCTLS]);
  if ((words[0] === "ping" || words[0] === "traceroute") && words.at(-1) === "-I") return pick(names().devices);
  if (words[0] !== "ip") return pick([]);
  // Skip global options (and the value of -n / -netns, which picks the host).
  let i = 1;
  let target;
  while (i < words.length && words[i].startsWith("-")) {
    if (words[i] === "-n" || words[i] === "-netns") target = words[++i];
    i++;
  }
  const { devices, netns } = names(target);
  const prev = words.at(-1);
  if (prev === "-n" || prev === "-netns") return pick(netns);
  if (i >= words.length) return pick(word.startsWith("-") ? IP_OPTIONS : Object.keys(IP));
  const object = ALIASES[words[i]] ?? Object.keys(IP).find((o) => o.startsWith(words[i]));
  const spec = IP[object];
  if (!spec) return pick([]);
  if (i + 1 >= words.length) return pick(spec.verbs);
  const verb = words[i + 1];
  if (object === "netns") {
    if (["exec", "delete", "del", "identify", "set"].includes(verb) && i + 2 === words.length) return pick(netns);
    if (verb === "exec" && i + 3 === words.length) return pick(COMMANDS);
    return pick([]);
  }
  if (["dev", "master", "peer", "iif", "oif", "link", "name"].includes(prev) && prev !== "name") return pick(devices);
  if (prev === "netns") return pick(netns);
  if (prev === "type") return pick(LINK_TYPES);
  if (prev === "table" || prev === "lookup") return pick(["main", "local", "default", "all", "100"]);
  if (prev === "nud") return pick(["permanent", "noarp", "reachable", "stale", "none", "delay", "probe", "failed"]);
  if (object === "link" && ["set", "show", "delete", "del"].includes(verb) && i + 2 === words.length) return pick([...devices, "dev"]);
  return pick(spec.keys);
}

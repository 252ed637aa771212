// Draws the world as SVG: namespaces as boxes, links as nodes coloured by
// state, veth peers and bridge ports as wires, addresses as labels.

const NS = "http://www.w3.org/2000/svg";
const BOX_W = 210;
const GAP = 56;
const NODE_H = 46;
const HEAD = 34;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The state class of a link: up, down or nocarrier (up without carrier). */
export function linkState(link) {
  if (!link.up) return "down";
  if (!link.carrier) return "nocarrier";
  return "up";
}

/**
 * Renders `topology` into `container`; `onSelect(ns, link)` is called when a
 * link is clicked or activated with the keyboard. `hostName` names the
 * initial namespace.
 */
export function renderTopology(container, topology, hostName, onSelect) {
  const spaces = topology.namespaces;
  const rows = Math.max(1, ...spaces.map((n) => n.links.length));
  const width = spaces.length * BOX_W + (spaces.length + 1) * GAP;
  const height = HEAD + rows * (NODE_H + 14) + 40;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Network topology", class: "topo-svg" });
  svg.append(el("title", {}, "Network topology: namespaces, links and wires"));
  const where = new Map(); // "nsid/index" -> {x, y}
  const wires = el("g", { class: "wires" });
  const boxes = el("g");
  svg.append(boxes, wires);
  spaces.forEach((ns, col) => {
    const x = GAP + col * (BOX_W + GAP);
    const name = ns.name ?? hostName;
    const g = el("g", { class: "ns", "data-ns": name });
    const boxH = HEAD + ns.links.length * (NODE_H + 14) + 8;
    g.append(el("rect", { x, y: 10, width: BOX_W, height: boxH, rx: 12, class: "ns-box" }));
    g.append(el("text", { x: x + 14, y: 32, class: "ns-name" }, name));
    g.append(el("text", { x: x + BOX_W - 14, y: 32, class: "ns-meta", "text-anchor": "end" }, ns.name ? "netns" : "host"));
    ns.links.forEach((link, row) => {
      const y = 10 + HEAD + row * (NODE_H + 14);
      const state = linkState(link);
      const node = el("g", {
        class: `link ${state}`, tabindex: "0", role: "button", "data-link": link.name, "data-ns": name,
        "aria-label": `${link.name} (${link.kind}, ${link.state}) in ${name}: show details`,
      });
      node.append(el("rect", { x: x + 10, y, width: BOX_W - 20, height: NODE_H, rx: 8, class: "link-box" }));
      node.append(el("circle", { cx: x + 24, cy: y + 15, r: 5, class: "dot" }));
      node.append(el("text", { x: x + 36, y: y + 19, class: "link-name" }, link.name));
      node.append(el("text", { x: x + BOX_W - 18, y: y + 19, class: "link-kind", "text-anchor": "end" }, `${link.kind} · ${state === "nocarrier" ? "NO-CARRIER" : link.state}`));
      const addrs = link.addresses.filter((a) => a.family === "inet" || a.scope === "global").map((a) => `${a.address}/${a.prefixLen}`);
      node.append(el("text", { x: x + 24, y: y + 37, class: "addr" }, addrs.join("  ") || "no address"));
      node.append(el("title", {}, `${link.name}: ${link.state}, mtu ${link.mtu}, ${link.address}`));
      const activate = () => onSelect(ns, link);
      node.addEventListener("click", activate);
      node.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          activate();
        }
      });
      g.append(node);
      where.set(`${ns.id}/${link.index}`, { x, y: y + NODE_H / 2, left: x + 10, right: x + BOX_W - 10 });
    });
    boxes.append(g);
  });
  const drawn = new Set();
  for (const ns of spaces) {
    for (const link of ns.links) {
      const a = where.get(`${ns.id}/${link.index}`);
      if (link.peer) {
        const key = [`${ns.id}/${link.index}`, `${link.peer.netns}/${link.peer.index}`].sort().join("-");
        const b = where.get(`${link.peer.netns}/${link.peer.index}`);
        if (b && !drawn.has(key)) {
          drawn.add(key);
          wires.append(wire(a, b, "veth"));
        }
      }
      if (link.master) {
        const b = where.get(`${ns.id}/${link.master}`);
        if (b) wires.append(wire(a, b, "port"));
      }
    }
  }
  container.replaceChildren(svg);
}

function wire(a, b, kind) {
  let d;
  if (a.x === b.x) {
    // Same namespace: a loop out of the box's right edge.
    const x = a.right + 8 + 14;
    d = `M ${a.right} ${a.y} C ${x} ${a.y}, ${x} ${b.y}, ${b.right} ${b.y}`;
  } else {
    const [l, r] = a.x < b.x ? [a, b] : [b, a];
    const mid = (l.right + r.left) / 2;
    d = `M ${l.right} ${l.y} C ${mid} ${l.y}, ${mid} ${r.y}, ${r.left} ${r.y}`;
  }
  return el("path", { d, class: `wire ${kind}` });
}

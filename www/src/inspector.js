// The netlink inspector: every request the last command's `ip` sent and every
// reply, decoded (header, family header, attributes) beside the raw hex.

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** The colour class of a message type. */
function typeClass(m) {
  if (m.typeName === "NLMSG_ERROR") return m.error?.error === 0 ? "ack" : "err";
  if (m.typeName === "NLMSG_DONE") return "done";
  if (/^RTM_NEW/.test(m.typeName)) return "new";
  if (/^RTM_DEL/.test(m.typeName)) return "del";
  if (/^RTM_GET/.test(m.typeName)) return "get";
  return "other";
}

function label(m) {
  if (m.typeName === "NLMSG_ERROR") return m.error?.error === 0 ? "ACK" : `ERROR ${m.error?.errnoName ?? ""}`;
  return m.typeName;
}

function hexDump(hex) {
  const bytes = hex.replace(/[^0-9a-f]/gi, "").match(/../g) ?? [];
  const lines = [];
  for (let i = 0; i < bytes.length; i += 8) {
    const row = bytes.slice(i, i + 8);
    const ascii = row.map((b) => { const c = parseInt(b, 16); return c >= 32 && c < 127 ? String.fromCharCode(c) : "·"; }).join("");
    lines.push(`${i.toString(16).padStart(4, "0")}  ${row.slice(0, 4).join(" ")}${row.length > 4 ? "  " + row.slice(4).join(" ") : ""}`.padEnd(32) + ascii);
  }
  return h("pre", { class: "hex", "aria-label": "raw bytes" }, lines.join("\n"));
}

function valueText(v) {
  if (v.text !== undefined && v.text !== null && String(v.text) !== String(v.value)) return `${v.value ?? ""} (${v.text})`.trim();
  return v.value === null || v.value === undefined ? "" : String(v.value);
}

function attrRows(attrs, depth = 0) {
  return attrs.flatMap((a) => {
    const row = h("tr", { class: depth ? "nested" : "" },
      h("td", { class: "aname", style: `padding-left:${0.5 + depth * 1.1}rem` }, a.name),
      h("td", { class: "afmt" }, a.format),
      h("td", { class: "aval" }, a.fields ? a.fields.map((f) => `${f.name}=${f.text ?? f.value}`).join(" ") : valueText(a)),
    );
    return [row, ...(a.attributes ? attrRows(a.attributes, depth + 1) : [])];
  });
}

function messageCard(m, direction) {
  const cls = typeClass(m);
  const head = h("div", { class: "msg-head" },
    h("span", { class: `dir ${direction}` }, direction === "req" ? "→ request" : "← reply"),
    h("span", { class: `badge ${cls}` }, label(m)),
    h("span", { class: "flags" }, m.flagNames.map((f) => f.replace(/^NLM_F_/, "")).join(" | ") || "0"),
    h("span", { class: "meta" }, `len ${m.len} · seq ${m.seq} · pid ${m.pid}`),
  );
  const body = h("div", { class: "msg-body" });
  const decoded = h("div", { class: "decoded" });
  if (m.error) {
    decoded.append(h("p", { class: `errline ${cls}` }, m.error.error === 0 ? "error = 0: acknowledged" : `error = ${m.error.error} ${m.error.errnoName}: ${m.error.message}`));
    if (m.error.extack) decoded.append(h("p", { class: "extack" }, `extack: ${m.error.extack}`));
  }
  if (m.header?.length) {
    decoded.append(h("table", { class: "fields" },
      h("caption", {}, `struct ${m.headerName ?? "header"}`),
      h("tbody", {}, m.header.map((f) => h("tr", {}, h("td", { class: "aname" }, f.name), h("td", { class: "aval" }, valueText(f)))))));
  }
  if (m.attributes?.length) {
    decoded.append(h("table", { class: "attrs" },
      h("caption", {}, `${m.attributes.length} attribute${m.attributes.length === 1 ? "" : "s"}`),
      h("thead", {}, h("tr", {}, h("th", {}, "name"), h("th", {}, "type"), h("th", {}, "value"))),
      h("tbody", {}, attrRows(m.attributes))));
  }
  if (m.problem) decoded.append(h("p", { class: "problem" }, m.problem));
  body.append(decoded, hexDump(m.hex));
  const card = h("details", { class: `msg ${cls}`, "data-type": m.typeName, "data-label": label(m) }, h("summary", {}, head), body);
  return card;
}

/** Shows the exchanges of the last command (`result.netlink`) in `container`. */
export function renderInspector(container, line, netlink, decode) {
  const items = [];
  let n = 0;
  for (const x of netlink) {
    const ex = h("section", { class: "exchange" });
    ex.append(h("h3", {}, `Exchange ${++n}`, h("span", { class: "meta" }, ` ${x.protocol === "netfilter" ? "nfnetlink " : ""}socket ${x.portId}${x.netns ? ` in netns ${x.netns}` : ""} · ${x.replies.length} repl${x.replies.length === 1 ? "y" : "ies"}`)));
    for (const m of safeDecode(decode, x.request, x.protocol)) ex.append(messageCard(m, "req"));
    const replies = x.replies.flatMap((r) => safeDecode(decode, r, x.protocol));
    const shown = replies.slice(0, 60);
    shown.forEach((m) => ex.append(messageCard(m, "rep")));
    if (replies.length > shown.length) ex.append(h("p", { class: "meta" }, `… ${replies.length - shown.length} more replies`));
    items.push(ex);
  }
  const title = h("p", { class: "inspector-title" }, line ? h("code", {}, line) : "No command yet.", line ? ` — ${netlink.length} netlink exchange${netlink.length === 1 ? "" : "s"}` : "");
  const legend = h("p", { class: "legend" }, ["new", "get", "del", "ack", "err", "done"].map((c) => h("span", { class: `badge ${c}` }, { new: "NEW", get: "GET", del: "DEL", ack: "ACK", err: "ERROR", done: "DONE" }[c])), " Click a message to open its attributes and bytes.");
  container.replaceChildren(title, legend, ...(items.length ? items : [h("p", { class: "empty" }, line ? "This command sent no netlink messages." : "Run an ip command: its netlink messages appear here.")]));
  // Open the first request and its first reply.
  container.querySelectorAll(".exchange").forEach((ex) => ex.querySelectorAll("details").forEach((d, i) => i < 2 && netlink.length <= 3 && (d.open = true)));
}

// `protocol` is the exchange's ("route", "netfilter"): nfnetlink's batch
// markers share their type numbers with RTM_NEWLINK and RTM_DELLINK.
function safeDecode(decode, bytes, protocol) {
  try {
    return decode(bytes, protocol).messages;
  } catch (e) {
    return [{ typeName: "UNDECODABLE", flagNames: [], len: bytes.length, seq: 0, pid: 0, header: [], attributes: [], hex: [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(""), problem: String(e.message ?? e) }];
  }
}

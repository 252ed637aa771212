// The page behind the first prompt: the world, the commands the terminal
// runs, the topology, the netlink inspector and the lessons. main.js opens
// the terminal and shows the prompt first; this module (and the wasm, which
// compiles while the HTML parses) loads meanwhile and start() takes over.
import { init, World, decode } from "../../pkg/core.js";
import { complete } from "./complete.js";
import { renderTopology } from "./topology.js";
import { renderInspector } from "./inspector.js";
import { parseWatch, title as watchTitle } from "./watch.js";
import { encodeWorld, decodeWorld } from "./share.js";
import { HOST, promptFor } from "./prompt.js";

const WORLD_KEY = "iplab.world";
const $ = (id) => document.getElementById(id);

let world = null; // set once the module is ready, before the first command runs
let term = null; // the terminal main.js opened (start)
// The built page starts compiling the module with the HTML (vite.config.mjs).
// The `iplab-*` marks time the start-up (benches/www-trace.mjs).
const loading = Promise.resolve(window.iplabWasm)
  .then((module) => init(module))
  .then(() => performance.mark("iplab-instantiated"))
  .then(loadWorld)
  .then((w) => {
    performance.mark("iplab-world");
    return (world = w);
  });
let current = null; // the namespace the terminal runs in (null: the initial one)

async function loadWorld() {
  if (location.hash.startsWith("#w=")) {
    try {
      const text = await decodeWorld(location.hash);
      const w = World.restore(text);
      history.replaceState(null, "", location.pathname + location.search);
      save(w);
      setStatus("World restored from the link.");
      return w;
    } catch (e) {
      setStatus(`This link does not hold a world (${e.message ?? e}).`, true);
    }
  }
  const saved = localStorage.getItem(WORLD_KEY);
  if (saved) {
    try {
      return World.restore(saved);
    } catch {
      localStorage.removeItem(WORLD_KEY);
    }
  }
  return new World();
}

function save(w = world) {
  try {
    localStorage.setItem(WORLD_KEY, w.snapshot().text);
  } catch {
    /* storage full or disabled */
  }
}

function setStatus(text, error = false) {
  const s = $("status");
  if (!s) return;
  s.textContent = text;
  s.classList.toggle("error", error);
}

/**
 * Colour as `ip -c=auto` prints it: every simple command that is `ip` (also
 * after `ip netns exec NS` or a pipe) gets -c=auto, which colours only what
 * reaches the terminal (not what a pipe carries to grep).
 */
function colorize(line) {
  return line.replace(/(^|;|&&|\|\||\||\bnetns\s+exec\s+\S+)(\s*)ip(?=\s)/g, "$1$2ip -c=auto");
}

/** `ip|bridge [OPTIONS] monitor ...`: a command that streams until Ctrl-C. */
const MONITOR = /^(ip|bridge)(\s+-(n|netns)\s+\S+|\s+-\S+)*\s+mon(i(t(or?)?)?)?(\s|$)/;

let monitor = null; // the running `ip monitor` or `bridge monitor`: { mon, timer }

/** Starts streaming `ip monitor` or `bridge monitor`; Ctrl-C (or a reset) stops it. */
function startMonitor(line) {
  let mon;
  try {
    mon = world.monitor(colorize(line), current ?? undefined, true);
  } catch (e) {
    term.write(`\x1b[31m${e.message ?? e}\x1b[0m\n`);
    return false;
  }
  const poll = () => {
    const text = mon.poll();
    if (text) term.write(text);
  };
  monitor = { mon, poll, timer: setInterval(poll, 250) };
  return new Promise((resolve) => {
    term.onInterrupt = () => {
      stopMonitor();
      resolve(true);
    };
  });
}

function stopMonitor() {
  if (!monitor) return;
  clearInterval(monitor.timer);
  monitor.poll();
  monitor.mon.free();
  monitor = null;
  term.onInterrupt = null;
}

let foreground = null; // a program holding the terminal (nc -l, tcpdump): { poll }

/**
 * Runs `nc`, `tcpdump` or `python3` (alone or after `ip netns exec NS`) in
 * the foreground: what it prints streams in until it ends or Ctrl-C stops
 * it. Returns null for any other line (it runs through exec).
 */
function startForeground(line) {
  let job;
  try {
    job = world.spawn(line, current ?? undefined);
  } catch (e) {
    term.write(`${e.message ?? e}\n`);
    return Promise.resolve();
  }
  if (!job) return null;
  let finish;
  const done = new Promise((resolve) => {
    finish = () => {
      clearInterval(timer);
      foreground = null;
      term.onInterrupt = null;
      job.free();
      resolve();
    };
  });
  const poll = () => {
    const text = job.poll();
    if (text) term.write(text);
    if (job.status() !== undefined) finish();
  };
  term.onInterrupt = () => {
    const text = job.interrupt();
    if (text) term.write(text);
    finish();
  };
  const timer = setInterval(poll, 250);
  foreground = { poll };
  poll();
  return done;
}

/**
 * `watch [-n SECS] [-t] [-c] CMD`: runs CMD every SECS seconds of real time
 * on the alternate screen, under procps watch's title line, until Ctrl-C.
 */
function startWatch(line) {
  const w = parseWatch(line);
  if (w.help || w.error) {
    term.write(w.help ?? w.error);
    return false;
  }
  term.write("\x1b[?1049h");
  const draw = () => {
    let text;
    try {
      text = world.exec(w.command, { netns: current ?? undefined, interactive: w.color }).combined;
    } catch (e) {
      text = `${e.message ?? e}\n`;
    }
    const rows = term.term.rows - (w.title ? 2 : 0);
    const body = text.split("\n").slice(0, Math.max(rows, 0)).join("\n");
    const head = w.title ? `${watchTitle(w.command, w.interval, current ?? HOST, new Date(), term.term.cols)}\n\n` : "";
    term.write(`\x1b[H\x1b[2J${head}${body}`);
    save();
    refresh();
  };
  draw();
  const timer = setInterval(draw, w.interval * 1000);
  return new Promise((resolve) => {
    term.onInterrupt = () => {
      clearInterval(timer);
      term.onInterrupt = null;
      term.write("\x1b[?1049l");
      resolve(true);
    };
  });
}

const prompt = () => promptFor(current);

function names(target) {
  if (!world) return { devices: [], netns: [] };
  const topo = world.topology();
  const want = target ?? current;
  const ns = topo.namespaces.find((n) => n.name === want) ?? topo.namespaces[0];
  return { devices: ns.links.map((l) => l.name), netns: world.netnsList() };
}

let lastLine = "";
let lastNetlink = [];

/** Runs a line entered at the prompt. */
export async function runLine(line) {
  await loading;
  const trimmed = line.trim();
  if (!trimmed) return;
  if (trimmed === "clear") {
    term.term.write("\x1b[H\x1b[2J");
    term.term.clear();
    return;
  }
  // `ip netns exec NS bash` (or `nsenter --net=/var/run/netns/NS bash`)
  // opens a shell on that host; `exit` leaves it.
  const enter = /^(?:ip\s+(?:-\S+\s+)*netns\s+exec\s+(\S+)|nsenter\s+(?:--net=|-n)\/(?:var\/)?run\/netns\/(\S+))\s+(?:--\s+)?(ba)?sh\s*$/.exec(trimmed);
  if (enter) {
    const ns = enter[1] ?? enter[2];
    if (!world.netnsList().includes(ns)) {
      term.write(enter[1] ? `Cannot open network namespace "${ns}": No such file or directory\n` : `nsenter: cannot open ${trimmed.split(/\s+/)[1].replace(/^--net=|^-n/, "")}: No such file or directory\n`);
    } else switchHost(ns, false);
    afterCommand(line);
    return;
  }
  if (MONITOR.test(trimmed)) {
    await startMonitor(trimmed);
    afterCommand(line);
    return;
  }
  if (/^watch(\s|$)/.test(trimmed)) {
    await startWatch(trimmed);
    afterCommand(line);
    return;
  }
  const running = /[|;&<>]/.test(trimmed) ? null : startForeground(trimmed);
  if (running) {
    await running;
    afterCommand(line);
    return;
  }
  if (current && /^exit(\s+\d+)?$/.test(trimmed)) {
    term.write("exit\n");
    switchHost(null, false);
    return;
  }
  let result;
  try {
    result = world.exec(colorize(line), current ? { netns: current, interactive: true } : { interactive: true });
  } catch (e) {
    term.write(`${e.message ?? e}\n`);
    if (current && !world.netnsList().includes(current)) switchHost(null, false);
    return;
  }
  term.write(result.combined);
  lastLine = line;
  lastNetlink = result.netlink;
  renderInspector($("inspector"), lastLine, lastNetlink, decode);
  if (current && !world.netnsList().includes(current)) switchHost(null, false);
  afterCommand(line);
}

function afterCommand(line) {
  save();
  refresh();
  lessons?.afterCommand(line);
}

// Every namespace's devices are captured from the moment the page sees the
// namespace ("any": all its devices); "Download .pcap" saves the current
// host's capture. Keyed by namespace id (a deleted and re-added name is a
// new namespace).
let captures = new Map();

function captureAll(topo) {
  for (const ns of topo.namespaces) {
    if (captures.has(ns.id)) continue;
    try {
      captures.set(ns.id, world.captureStart(ns.id, "any"));
    } catch {
      /* the namespace went away meanwhile */
    }
  }
}

/** The pcap bytes of the current host's capture. */
function currentPcap() {
  const topo = world.topology();
  captureAll(topo);
  const ns = topo.namespaces.find((n) => n.name === current) ?? topo.namespaces[0];
  return world.capture(captures.get(ns.id));
}

$("pcap").addEventListener("click", () => {
  if (!world) return;
  const blob = new Blob([currentPcap()], { type: "application/vnd.tcpdump.pcap" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `iplab-${current ?? HOST}.pcap`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

function refresh() {
  const topo = world.topology();
  captureAll(topo);
  renderTopology($("topology"), topo, HOST, showLink);
  renderHosts();
}

function showLink(ns, link) {
  const r = world.exec(`ip -d link show dev ${link.name}`, ns.name ? { netns: ns.name } : undefined);
  $("link-details-title").textContent = `ip -d link show dev ${link.name}  (${ns.name ?? HOST})`;
  $("link-details-text").textContent = r.combined;
  $("link-details").hidden = false;
  $("link-details-close").focus();
}
$("link-details-close").addEventListener("click", () => {
  $("link-details").hidden = true;
  term.focus();
});

function renderHosts() {
  const hosts = [null, ...world.netnsList().reverse()];
  $("hosts").replaceChildren(...hosts.map((h) => {
    const b = document.createElement("button");
    b.type = "button";
    b.role = "tab";
    b.className = "host-tab";
    b.dataset.host = h ?? HOST;
    b.setAttribute("aria-selected", String(h === current));
    b.textContent = h ?? HOST;
    b.title = h ? `A shell in namespace ${h} (ip netns exec ${h} bash)` : "The initial namespace";
    b.addEventListener("click", () => switchHost(h, true));
    return b;
  }));
}

/** Moves the terminal to another host (namespace), as `ip netns exec NS bash` would. */
function switchHost(name, fromTab) {
  if (name === current) {
    term.focus();
    return;
  }
  current = name;
  if (fromTab) {
    term.write(`\r\x1b[K\x1b[2m── host ${name ?? HOST}${name ? ` (ip netns exec ${name} bash)` : ""} ──\x1b[0m\r\n`);
    term.showPrompt();
  }
  renderHosts();
  term.focus();
}

let lessons = null; // drawn just after the first prompt
const openLessons = (LessonPanel) => new LessonPanel($("lessons"), {
  world: () => world,
  run: async (line) => {
    // While `ip monitor` (or `watch`) holds the terminal, a lesson's command
    // runs as if typed in a second terminal: the monitor shows what it changed.
    if (term.onInterrupt) {
      world.exec(line, current ? { netns: current } : undefined);
      monitor?.poll();
      foreground?.poll();
      afterCommand(line);
      return;
    }
    await term.run(line);
  },
});

// Panels: Lessons | Inspector tabs (arrow keys move between them).
const tabs = [$("tab-lessons"), $("tab-inspector")];
function selectTab(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
}
tabs.forEach((t, i) => {
  t.addEventListener("click", () => selectTab(t));
  t.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      selectTab(next);
      next.focus();
    }
  });
});

$("share").addEventListener("click", () => world && share());
$("reset").addEventListener("click", () => {
  if (!world) return;
  term.onInterrupt?.();
  world = new World();
  captures = new Map();
  current = null;
  save();
  refresh();
  lastNetlink = [];
  renderInspector($("inspector"), "", [], decode);
  term.write("\r\x1b[K\x1b[2m── a fresh world ──\x1b[0m\r\n");
  term.showPrompt();
  term.focus();
});

async function share() {
  const hash = await encodeWorld(world.snapshot().text);
  const url = location.href.replace(/#.*$/, "") + hash;
  $("share").dataset.url = url;
  try {
    await navigator.clipboard.writeText(url);
    setStatus("Link copied: it restores this world.");
  } catch {
    setStatus("Link ready in the address bar.");
  }
  history.replaceState(null, "", hash);
}

document.addEventListener("keydown", (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const k = e.key.toLowerCase();
  const act = {
    k: () => term.focus(),
    t: () => (document.querySelector("#topology .link") ?? $("topology")).focus(),
    l: () => { selectTab(tabs[0]); tabs[0].focus(); },
    i: () => { selectTab(tabs[1]); tabs[1].focus(); },
    s: () => world && share(),
  }[k];
  if (act) {
    e.preventDefault();
    act();
  }
});

/**
 * Takes over the terminal main.js opened at its first prompt: commands run
 * here from now on (a line entered earlier waited for this module and the
 * world). The captures start with the world; the panels (lessons, topology,
 * hosts, inspector) are drawn after the prompt's frame, so that the prompt
 * never waits for their layout.
 */
export async function start(terminal) {
  term = terminal;
  term.prompt = prompt;
  term.complete = (before) => complete(before, names);
  const lessonsModule = import("./lessons.js"); // fetched while the world loads
  await loading;
  captureAll(world.topology());
  performance.mark("iplab-ready");
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const { LessonPanel } = await lessonsModule;
  lessons = openLessons(LessonPanel);
  refresh();
  renderInspector($("inspector"), "", [], decode);

  /** For tests and benchmarks: the terminal's text and the world. */
  window.__iplab = {
    world: () => world,
    cols: () => term.term.cols,
    /** The share hash of a snapshot text. */
    share: (text) => encodeWorld(text),
    /** Runs a line as a second terminal would (not echoed here). */
    runElsewhere: (line) => {
      const r = world.exec(line);
      monitor?.poll();
      foreground?.poll();
      afterCommand(line);
      return r;
    },
    text: () => {
      // Rows that continue a wrapped line are joined to it (a narrow
      // terminal wraps long lines; the text is what was printed).
      const b = term.term.buffer.active;
      const lines = [];
      for (let i = 0; i < b.length; i++) {
        const row = b.getLine(i);
        const t = row?.translateToString(true) ?? "";
        if (row?.isWrapped && lines.length) lines[lines.length - 1] += t;
        else lines.push(t);
      }
      return lines.join("\n");
    },
  };
  // The built site keeps working offline once loaded (www/public/sw.js).
  if (import.meta.env.PROD && "serviceWorker" in navigator) {
    navigator.serviceWorker.register("./sw.js").catch(() => {});
  }
  document.body.dataset.ready = "1";
}

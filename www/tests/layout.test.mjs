// The page at a laptop's and a phone's size with 1, 4 and 8 namespaces (no
// sideways page scroll, the topology scrolls inside its pane, the prompt
// stays in view), glyphs at device pixel ratio 1, ip monitor (coloured) and
// bridge monitor streaming until Ctrl-C, watch re-running every second,
// errors in the error colour, damaged share links refused, history across a
// reload, the .pcap download, every lesson through its buttons.
// Screenshots go to www/test-output/ (look at them).
// Needs `npm run build` first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve, CHROMIUM, CHROMIUM_ARGS } from "./serve.mjs";

const dist = fileURLToPath(new URL("../dist/", import.meta.url)).replace(/\/$/, "");
const shots = fileURLToPath(new URL("../test-output/", import.meta.url));
let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), "build the page first (npm run build)");
  mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page (empty storage) at a size; `url` may carry a share hash. */
async function open(width, height, { dpr = 1, url = server.url } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']");
  return { context, page, errors };
}

const text = (page) => page.evaluate(() => window.__iplab.text());

async function typeLine(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

async function waitForText(page, re) {
  try {
    await page.waitForFunction((src) => new RegExp(src, "m").test(window.__iplab.text()), re.source, { timeout: 5000 });
  } catch (e) {
    throw new Error(`${e.message}\nwaiting for ${re} in:\n${await text(page)}`, { cause: e });
  }
}

/** A world with `n` namespaces, each with a veth to the host and an address. */
function build(page, n) {
  return page.evaluate((n) => {
    for (let i = 1; i < n; i++) {
      window.__iplab.runElsewhere(`ip netns add ns${i}`);
      window.__iplab.runElsewhere(`ip link add h${i} type veth peer name e${i} netns ns${i}`);
      window.__iplab.runElsewhere(`ip -n ns${i} addr add 10.0.${i}.2/24 dev e${i}`);
      window.__iplab.runElsewhere(`ip addr add 10.0.${i}.1/24 dev h${i}`);
    }
  }, n);
}

/** Widths that tell whether anything pushes the page sideways. */
function widths(page) {
  return page.evaluate(() => {
    const topo = document.getElementById("topology");
    const side = document.querySelector(".side").getBoundingClientRect();
    return {
      viewport: window.innerWidth,
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      sideRight: Math.round(side.right),
      topoClient: topo.clientWidth,
      topoScroll: topo.scrollWidth,
    };
  });
}

for (const [width, height, label] of [[1280, 800, "laptop"], [390, 844, "phone"]]) {
  for (const n of [1, 4, 8]) {
    test(`${label} ${width}x${height} with ${n} namespace(s): no sideways scroll, prompt in view`, async () => {
      const { context, page, errors } = await open(width, height);
      try {
        await build(page, n);
        await page.click("#terminal");
        await typeLine(page, "ip -br link");
        await waitForText(page, /^lo +DOWN/);
        const w = await widths(page);
        assert.ok(w.page <= w.viewport, `page ${w.page}px wide in a ${w.viewport}px viewport`);
        assert.ok(w.body <= w.viewport, `body ${w.body}px wide in a ${w.viewport}px viewport`);
        assert.ok(w.sideRight <= w.viewport, `the right column ends at ${w.sideRight}px`);
        if (n === 8) assert.ok(w.topoScroll > w.topoClient, "eight namespaces scroll inside the topology pane");
        // The prompt after the command is on screen, inside the terminal.
        const t = await text(page);
        assert.match(t, /root@iplab:~# $/m);
        const inView = await page.evaluate(() => {
          const r = document.querySelector("#terminal .xterm-screen").getBoundingClientRect();
          const box = document.querySelector("#terminal").getBoundingClientRect();
          return r.height > 0 && r.bottom <= box.bottom + 1 && r.top >= box.top - 1;
        });
        assert.ok(inView, "the terminal's screen fits its pane");
        // Clicking a link far to the right must not scroll the page sideways.
        const last = page.locator("#topology .link").last();
        await last.click();
        assert.equal(await page.evaluate(() => window.scrollX), 0, "the page did not scroll sideways");
        await page.keyboard.press("Escape");
        await page.waitForTimeout(200); // let the terminal paint its last rows
        await page.screenshot({ path: `${shots}layout-${label}-${n}ns.png`, fullPage: label === "phone" });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

test("phone: the first command keeps the welcome line and the prompt", async () => {
  const { context, page } = await open(390, 844);
  try {
    await page.click("#terminal");
    await typeLine(page, "ip -br link");
    await waitForText(page, /^lo +DOWN/);
    const t = await text(page);
    assert.match(t, /^Welcome to iplab/m, t);
    assert.match(t, /^root@iplab:~# ip -br link$/m, t);
    assert.match(t, /^lo +DOWN +00:00:00:00:00:00 <LOOPBACK> $/m, t);
    await page.locator(".term-pane").screenshot({ path: `${shots}phone-first-command.png` });
  } finally {
    await context.close();
  }
});

test("underscores and box drawing are visible at device pixel ratio 1", async () => {
  const { context, page } = await open(1280, 800, { dpr: 1 });
  try {
    await page.click("#terminal");
    await typeLine(page, "echo ip_forward ____ ─│┌┐└┘");
    await waitForText(page, /^ip_forward ____ ─│┌┐└┘$/);
    await page.waitForTimeout(200);
    // Find the row's box and count light pixels along the underscores' row.
    const row = await page.evaluate(() => {
      const rows = [...document.querySelectorAll(".xterm-rows > div")];
      const r = rows.find((d) => d.textContent.startsWith("ip_forward ____"));
      const b = r.getBoundingClientRect();
      return { x: b.left, y: b.top, w: b.width, h: b.height, cell: b.width / window.__iplab.cols() };
    });
    const clip = { x: Math.floor(row.x), y: Math.floor(row.y), width: Math.ceil(row.cell * 30), height: Math.ceil(row.h) };
    const png = await page.screenshot({ clip, path: `${shots}glyphs-dpr1.png` });
    // The four underscores (cells 11..14) have lit pixels in the cell's lower part.
    const lit = await page.evaluate(async ({ b64, cell, h }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      const x0 = Math.floor(cell * 11) + 1, x1 = Math.floor(cell * 15) - 1;
      let count = 0;
      for (let y = Math.floor(h / 2); y < img.height; y++) {
        const d = g.getImageData(x0, y, x1 - x0, 1).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 300) count++;
      }
      return count;
    }, { b64: png.toString("base64"), cell: row.cell, h: row.h });
    assert.ok(lit >= Math.floor(row.cell * 3), `only ${lit} lit pixels where the underscores are`);
  } finally {
    await context.close();
  }
});

test("ip monitor streams what changes until Ctrl-C", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "ip monitor link");
    await page.waitForTimeout(300);
    assert.doesNotMatch(await text(page), /root@iplab:~# ip monitor link\n(.|\n)*root@iplab:~# $/, "no prompt while it runs");
    // Changes made elsewhere (a second terminal, a lesson's Run it) stream in.
    await page.evaluate(() => window.__iplab.runElsewhere("ip link add m0 type dummy"));
    await waitForText(page, /^\d+: m0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN/);
    await page.evaluate(() => window.__iplab.runElsewhere("ip link set m0 up"));
    await waitForText(page, /^\d+: m0: <BROADCAST,NOARP,UP,LOWER_UP>/);
    // Coloured as `ip -c` colours a terminal's output: the name cyan, the state green.
    const coloured = await page.waitForFunction(() => [...document.querySelectorAll(".xterm-rows span")]
      .some((s) => s.textContent.startsWith("m0") && /xterm-fg-6/.test(s.className)), null, { timeout: 5000 }).then(() => true, () => false);
    assert.ok(coloured, "the monitor's device names are cyan");
    await page.locator(".term-pane").screenshot({ path: `${shots}monitor.png` });
    await page.keyboard.press("Control+C");
    await waitForText(page, /^\^C\nroot@iplab:~# $/);
    // Stopped: later changes no longer print.
    await page.evaluate(() => window.__iplab.runElsewhere("ip link del m0"));
    await page.waitForTimeout(400);
    assert.doesNotMatch(await text(page), /Deleted/);
    await typeLine(page, "echo after");
    await waitForText(page, /^after$/);
  } finally {
    await context.close();
  }
});

test("bridge monitor streams port changes until Ctrl-C", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.evaluate(() => window.__iplab.runElsewhere("ip link add br0 type bridge"));
    await page.click("#terminal");
    await typeLine(page, "bridge monitor link");
    await page.waitForTimeout(300);
    assert.doesNotMatch(await text(page), /root@iplab:~# bridge monitor link\n(.|\n)*root@iplab:~# $/, "no prompt while it runs");
    await page.evaluate(() => window.__iplab.runElsewhere("ip link add p0 type dummy"));
    await page.evaluate(() => window.__iplab.runElsewhere("ip link set p0 master br0"));
    await waitForText(page, /^\d+: p0: <BROADCAST,NOARP> mtu 1500 master br0 state disabled priority 32 cost \d+ $/);
    await page.locator(".term-pane").screenshot({ path: `${shots}bridge-monitor.png` });
    await page.keyboard.press("Control+C");
    await waitForText(page, /^\^C\nroot@iplab:~# $/);
    await page.evaluate(() => window.__iplab.runElsewhere("ip link del p0"));
    await page.waitForTimeout(400);
    assert.doesNotMatch(await text(page), /Deleted/);
  } finally {
    await context.close();
  }
});

test("watch -n1 re-runs its command every second until Ctrl-C", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "watch -n1 ip -br link");
    await waitForText(page, /^Every 1\.0s: ip -br link +iplab: [A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    await waitForText(page, /^lo +DOWN/);
    const first = Date.now();
    await page.evaluate(() => window.__iplab.runElsewhere("ip link add w0 type dummy"));
    // The next run (within a second of real time) shows the new link.
    await waitForText(page, /^w0 +DOWN/);
    assert.ok(Date.now() - first < 2500, "re-run within the interval");
    await page.locator(".term-pane").screenshot({ path: `${shots}watch.png` });
    await page.keyboard.press("Control+C");
    // Back on the main screen: the line that started it, then a prompt.
    await waitForText(page, /^root@iplab:~# watch -n1 ip -br link\nroot@iplab:~# $/);
    assert.doesNotMatch(await text(page), /Every 1\.0s/);
    await typeLine(page, "echo after");
    await waitForText(page, /^after$/);
    await typeLine(page, "watch -n abc true");
    await waitForText(page, /^watch: failed to parse argument: 'abc': Invalid argument$/);
  } finally {
    await context.close();
  }
});

test("tcpdump and nc -l hold the terminal until they end or Ctrl-C", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "ip link set lo up");
    await typeLine(page, "tcpdump -i lo -n icmp");
    await waitForText(page, /^listening on lo, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes$/);
    await page.waitForTimeout(300);
    assert.doesNotMatch(await text(page), /# tcpdump -i lo -n icmp\n(.|\n)*root@iplab:~# $/, "no prompt while it runs");
    // Traffic from elsewhere (a second terminal, a lesson's Run it) shows up.
    await page.evaluate(() => window.__iplab.runElsewhere("ping -c 1 127.0.0.1"));
    await waitForText(page, /IP 127\.0\.0\.1 > 127\.0\.0\.1: ICMP echo request, id \d+, seq 1, length 64$/);
    await page.keyboard.press("Control+C");
    await waitForText(page, /^\^C\nroot@iplab:~# $/);
    const seen = (await text(page)).match(/ICMP echo request/g).length;
    await page.evaluate(() => window.__iplab.runElsewhere("ping -c 1 127.0.0.1"));
    await page.waitForTimeout(400);
    assert.equal((await text(page)).match(/ICMP echo request/g).length, seen, "stopped: no more packets print");
    // nc -l ends by itself when its client has sent a line and closed.
    await typeLine(page, "nc -l 8080");
    await page.waitForTimeout(300);
    assert.doesNotMatch(await text(page), /# nc -l 8080\n(.|\n)*root@iplab:~# $/, "nc waits for a connection");
    await page.evaluate(() => window.__iplab.runElsewhere("echo hello | nc -N 127.0.0.1 8080"));
    await waitForText(page, /^root@iplab:~# nc -l 8080\nhello\nroot@iplab:~# $/);
    // Ctrl-C stops a listener and frees its port.
    await typeLine(page, "nc -l 8080");
    await page.waitForTimeout(200);
    await page.keyboard.press("Control+C");
    await waitForText(page, /^root@iplab:~# nc -l 8080\n\^C\nroot@iplab:~# $/);
    await typeLine(page, "ss -ltn");
    await waitForText(page, /^State +Recv-Q +Send-Q +Local Address:Port +Peer Address:Port +Process *\nroot@iplab:~# $/);
  } finally {
    await context.close();
  }
});

test("a damaged share link is refused in the error colour; history survives a reload", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "ip link add s0 type dummy");
    await typeLine(page, "ip link add s1 type dummy");
    await page.click("#share");
    await page.waitForFunction(() => document.getElementById("share").dataset.url);
    const url = await page.evaluate(() => document.getElementById("share").dataset.url);
    const cut = url.slice(0, url.length - 12);
    // A fresh browser (nothing saved), as the person the link was sent to.
    const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await elsewhere.newPage();
    await other.goto(cut);
    await other.waitForSelector("body[data-ready='1']");
    const status = await other.locator("#status").textContent();
    assert.match(status, /This link does not hold a world \(.+\)\./);
    const colour = await other.locator("#status").evaluate((s) => getComputedStyle(s).color);
    assert.equal(colour, "rgb(255, 123, 114)", "the error colour");
    const links = await other.evaluate(() => window.__iplab.world().topology().namespaces[0].links.map((l) => l.name));
    assert.deepEqual(links, ["lo"], "no part of the world restored from the cut link");
    await other.locator(".top").screenshot({ path: `${shots}bad-link.png` });
    // A link that holds a cut snapshot text (well compressed): its end line
    // is missing, and the world is refused, not restored smaller.
    const cutHash = await page.evaluate(async () => {
      const t = window.__iplab.world().snapshot().text;
      return window.__iplab.share(t.slice(0, t.lastIndexOf("\nend ") + 1).replace(/\n[^\n]*\n$/, "\n"));
    });
    const third = await elsewhere.newPage();
    await third.goto(server.url + cutHash);
    await third.waitForSelector("body[data-ready='1']");
    assert.match(await third.locator("#status").textContent(), /This link does not hold a world \(restore: damaged snapshot: it is cut short \(its end line is missing\)\)\./);
    assert.deepEqual(await third.evaluate(() => window.__iplab.world().topology().namespaces[0].links.map((l) => l.name)), ["lo"]);
    await elsewhere.close();
    // History: after a reload, the arrow key brings back the last line.
    await page.reload();
    await page.waitForSelector("body[data-ready='1']");
    await page.click("#terminal");
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() => /root@iplab:~# ip link add s1 type dummy\s*$/.test(window.__iplab.text()));
  } finally {
    await context.close();
  }
});

test("Download .pcap saves the current host's capture as a pcap file", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "ip netns add cap; ip netns add far");
    await typeLine(page, "ip -n cap link add v0 type veth peer name v1 netns far");
    await typeLine(page, "ip -n cap addr add 10.9.0.1/24 dev v0; ip -n cap link set v0 up");
    await typeLine(page, "ip -n far addr add 10.9.0.2/24 dev v1; ip -n far link set v1 up");
    await page.click('.host-tab[data-host="cap"]');
    await typeLine(page, "ping -c 2 10.9.0.2");
    await waitForText(page, /^2 packets transmitted, 2 received/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pcap")]);
    assert.equal(download.suggestedFilename(), "iplab-cap.pcap");
    const bytes = readFileSync(await download.path());
    // The pcap magic (0xa1b2c3d4, little-endian), version 2.4, Ethernet.
    assert.deepEqual([...bytes.subarray(0, 8)], [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]);
    assert.equal(bytes.readUInt32LE(20), 1, "link type Ethernet");
    // Its records: the two ICMP echo requests and their replies.
    const icmp = [];
    for (let off = 24; off + 16 <= bytes.length; off += 16 + bytes.readUInt32LE(off + 8)) {
      const f = bytes.subarray(off + 16, off + 16 + bytes.readUInt32LE(off + 8));
      if (f.readUInt16BE(12) === 0x0800 && f[14 + 9] === 1) icmp.push(f[14 + ((f[14] & 15) * 4)]);
    }
    assert.deepEqual(icmp, [8, 0, 8, 0], "echo request, reply, request, reply");
    // The initial host's capture saw none of it.
    await page.click("#terminal");
    await typeLine(page, "exit");
    await waitForText(page, /^root@iplab:~# $/);
    const [other] = await Promise.all([page.waitForEvent("download"), page.click("#pcap")]);
    assert.equal(other.suggestedFilename(), "iplab-iplab.pcap");
    assert.equal(readFileSync(await other.path()).length, 24, "only the file header");
  } finally {
    await context.close();
  }
});

test("command not found names the commands there are", async () => {
  const { context, page } = await open(1280, 800);
  try {
    await page.click("#terminal");
    await typeLine(page, "man ip");
    await waitForText(page, /^bash: man: command not found\niplab has: ip, bridge, .*help/);
    await typeLine(page, "ip a | grep -c inet");
    await waitForText(page, /^0$/);
  } finally {
    await context.close();
  }
});

// Every lesson, done only through its own "Show me" and "Run it" buttons in
// the page (lesson 4's `ip netns exec r sysctl -w ...` failed here when the
// page's colour option came before `netns exec`).
const lessonDir = new URL("../lessons/", import.meta.url);
const lessonIds = readdirSync(lessonDir).filter((f) => f.endsWith(".json")).sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, lessonDir), "utf8")).id);
/** What a lesson's answers print in the terminal (the page shows it all). */
const lessonShows = {
  dnat: [/^200$/m, /"GET \/ HTTP\/1\.1" 200/],
  handshake: [/Flags \[S\],(.|\n)*Flags \[S\.\],(.|\n)*Flags \[\.\],/, /^hello$/m, /^3 packets captured$/m],
  sockets: [/^LISTEN +0 +1 +0\.0\.0\.0:8080 /m, /^TIME-WAIT .*127\.0\.0\.1:8000 /m, /Terminated +nc -l 8080/],
  containers: [/^<!DOCTYPE HTML>$/m, /^200$/m, /^1 packets transmitted, 1 received/m],
};
test("the page has at least twelve lessons", () => assert.ok(lessonIds.length >= 12, lessonIds.join(", ")));
for (const id of lessonIds) {
  test(`lesson ${id} completes through Show me and Run it`, async () => {
    const { context, page, errors } = await open(1280, 800);
    try {
      await page.click(`.lesson-open[data-lesson="${id}"]`);
      for (let guard = 0; guard < 20 && !(await page.locator(".finished-banner").count()); guard++) {
        const before = await page.locator(".lesson .step.done").count();
        await page.click(".step.current .show-answer");
        await page.click(".step.current .run-answer");
        await page.waitForFunction((n) => document.querySelectorAll(".lesson .step.done").length > n || document.querySelector(".finished-banner"), before, { timeout: 5000 });
      }
      await page.waitForSelector(".finished-banner");
      const t = await page.evaluate(() => window.__iplab.text());
      assert.doesNotMatch(t, /exec of "|command not found|Cannot open network namespace/, t);
      for (const re of lessonShows[id] ?? []) assert.match(t, re);
      if (id === "router" || id in lessonShows) await page.screenshot({ path: `${shots}lesson-${id}.png` });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

// `watch` in the page (www/src/watch.js): its options, its usage errors and
// its title line, compared with procps-ng 4.0.2's watch on Linux (recorded
// with `script` at 80, 50 and 40 columns).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWatch, title, ctime, words, USAGE } from "../src/watch.js";

const at = new Date(2026, 11, 6, 22, 0, 30);

test("ctime's date format", () => {
  assert.equal(ctime(at), "Sun Dec  6 22:00:30 2026");
  assert.equal(ctime(new Date(2026, 0, 15, 9, 5, 7)), "Thu Jan 15 09:05:07 2026");
});

test("the title line at 80, 50 and 40 columns, as watch draws it", () => {
  // `watch -n1 echo hi` at 80 columns: the host and date end one column short of the edge.
  assert.equal(title("echo hi", 1, "vm", at, 80), `Every 1.0s: echo hi${" ".repeat(33)}vm: Sun Dec  6 22:00:30 2026`);
  // `watch -n1 echo aaaaaaaaaaaaaaaaaaaaaa` at 50 columns: the command is cut.
  assert.equal(title("echo aaaaaaaaaaaaaaaaaaaaaa", 1, "vm", at, 50), "Every 1.0s: echo ...  vm: Sun Dec  6 22:00:30 2026");
  // At 40 columns only the host and the date.
  assert.equal(title("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1, "vm", at, 40), `${" ".repeat(12)}vm: Sun Dec  6 22:00:30 2026`);
  assert.equal(title("echo hi", 0.5, "vm", at, 20), "");
});

test("options, the command's words and the errors watch prints", () => {
  assert.deepEqual(parseWatch("watch -n1 ip -br link"), { interval: 1, title: true, color: false, command: "ip -br link" });
  assert.deepEqual(parseWatch("watch -n 0.5 -t 'ip -s link show dev lo'"), { interval: 0.5, title: false, color: false, command: "ip -s link show dev lo" });
  assert.deepEqual(parseWatch("watch --interval=3 -c -- ip a"), { interval: 3, title: true, color: true, command: "ip a" });
  assert.equal(parseWatch("watch -n 0.01 ss").interval, 0.1, "watch's minimum interval");
  assert.equal(parseWatch("watch").error, USAGE);
  assert.equal(parseWatch("watch -n").error, `watch: option requires an argument -- 'n'\n${USAGE}`);
  assert.equal(parseWatch("watch -n abc true").error, "watch: failed to parse argument: 'abc': Invalid argument\n");
  assert.deepEqual(words(`a 'b c' "d \\"e\\"" f\\ g`), ["a", "b c", 'd "e"', "f g"]);
});

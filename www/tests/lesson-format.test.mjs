// Every lesson in www/lessons follows the format of www/lessons/README.md,
// and the validator's messages name the file, step and field of a mistake.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { lessonErrors, lessonsErrors } from "../src/lesson-format.js";

const dir = new URL("../lessons/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("every lesson file follows the documented format", () => {
  const entries = files.map((f) => {
    let lesson;
    try {
      lesson = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
    } catch (e) {
      assert.fail(`${f}: not valid JSON: ${e.message}`);
    }
    return [f, lesson];
  });
  assert.ok(entries.length >= 7);
  assert.deepEqual(lessonsErrors(entries), []);
});

test("mistakes get messages naming the file, step and field", () => {
  const good = JSON.parse(readFileSync(new URL(files[0], dir), "utf8"));
  const copy = () => JSON.parse(JSON.stringify(good));
  assert.deepEqual(lessonErrors(good, "x.json"), []);
  let l = copy();
  delete l.steps[1].hint;
  assert.deepEqual(lessonErrors(l, "x.json"), ["x.json: step 2.hint: missing (every step has text, goals, hint and answer)"]);
  l = copy();
  l.steps[0].goals = [{ lnk: "eth0" }];
  assert.match(lessonErrors(l, "x.json")[0], /^x\.json: step 1\.goals\[0\]: name exactly one goal kind \(netns, link, /);
  l = copy();
  l.steps[0].goals = [{ link: "eth0", state: "up" }];
  assert.deepEqual(lessonErrors(l, "x.json"), ["x.json: step 1.goals[0].state: not a field of a link goal (known: link, ns, kind, up, peer, peerNs, master)"]);
  l = copy();
  l.steps[0].goals = [{ addr: "10.0.0.1", dev: "eth0" }];
  assert.match(lessonErrors(l, "x.json")[0], /goals\[0\]\.addr: must be an ADDRESS\/LENGTH string/);
  l = copy();
  l.title = 3;
  l.extra = true;
  assert.deepEqual(lessonErrors(l, "x.json"), ["x.json: title: must be a string", "x.json: extra: unknown field (known: id, order, title, intro, steps)"]);
  assert.deepEqual(lessonsErrors([["a.json", good], ["b.json", good]]).slice(0, 1), [`b.json: id: "${good.id}" is also the id of a.json`]);
});

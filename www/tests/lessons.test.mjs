// Every lesson can be completed with its own "show me" answers: each step's
// goals fail before its answer runs (unless an earlier answer already met
// them) and hold after, on a fresh world per lesson.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { World } from "../../pkg/node.js";
import { goalsMet } from "../src/checks.js";

const dir = new URL("../lessons/", import.meta.url);
const lessons = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")));

test("there are at least twelve lessons, each with steps, hints and answers", () => {
  assert.ok(lessons.length >= 12);
  for (const l of lessons) {
    assert.ok(l.title && l.intro && l.steps.length >= 3, l.id);
    for (const s of l.steps) assert.ok(s.text && s.hint && s.answer.length && s.goals.length, `${l.id}: ${s.text}`);
  }
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id}: the answers reach every goal`, () => {
    const world = new World();
    const ctx = { commands: [] };
    lesson.steps.forEach((step, i) => {
      assert.equal(goalsMet(world, step.goals, ctx), false, `step ${i + 1} is not met before its answer`);
      for (const line of step.answer) {
        const r = world.exec(line);
        ctx.commands.push(line);
        if (!step.optional) assert.equal(r.status, 0, `${line}: ${r.combined}`);
      }
      assert.equal(goalsMet(world, step.goals, ctx), true, `step ${i + 1} is met after its answer`);
    });
  });
}

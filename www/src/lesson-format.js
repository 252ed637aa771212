// The lesson format (www/lessons/README.md), checked without a world: every
// mistake a lesson author can make gets a message naming the file, the step
// and the field. Pure functions (the page and the Node tests use them).

/** The goal kinds of www/src/checks.js and the fields each one takes. */
export const GOALS = {
  netns: { netns: "string" },
  link: { link: "string", ns: "string", kind: "string", up: "boolean", peer: "string", peerNs: "string", master: "string" },
  addr: { addr: "prefix", dev: "string", ns: "string" },
  route: { route: "string", table: "number", via: "string", dev: "string", ns: "string" },
  neigh: { neigh: "string", dev: "string", lladdr: "string", state: "string", ns: "string" },
  sysctl: { sysctl: "string", value: "any", ns: "string" },
  rule: { rule: "any", from: "prefix", priority: "number", ns: "string" },
  output: { output: "string", match: "regex", ns: "string" },
  ran: { ran: "regex" },
};

const LESSON_FIELDS = { id: "id", order: "number", title: "string", intro: "string", steps: "array" };
const STEP_FIELDS = { text: "string", goals: "array", hint: "string", answer: "array", optional: "boolean" };

function typeOk(want, v) {
  switch (want) {
    case "any": return v !== undefined && v !== null;
    case "array": return Array.isArray(v);
    case "id": return typeof v === "string" && /^[a-z0-9][a-z0-9-]*$/.test(v);
    case "prefix": return typeof v === "string" && /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(v);
    case "regex":
      if (typeof v !== "string") return false;
      try { new RegExp(v); return true; } catch { return false; }
    default: return typeof v === want;
  }
}

const WHAT = {
  id: "lower-case letters, digits and dashes", prefix: "an ADDRESS/LENGTH string such as \"10.0.0.1/24\"",
  regex: "a JavaScript regular expression string", array: "a list", any: "a value",
};

/**
 * The problems of one lesson (`file` names it in the messages); an empty
 * list when it follows the format.
 */
export function lessonErrors(lesson, file = "lesson") {
  const errs = [];
  const bad = (where, msg) => errs.push(`${file}: ${where}: ${msg}`);
  if (!lesson || typeof lesson !== "object" || Array.isArray(lesson)) return [`${file}: a lesson is a JSON object`];
  for (const [k, want] of Object.entries(LESSON_FIELDS)) {
    if (!(k in lesson)) bad(k, "missing (every lesson has id, order, title, intro and steps)");
    else if (!typeOk(want, lesson[k])) bad(k, `must be ${WHAT[want] ?? `a ${want}`}`);
  }
  for (const k of Object.keys(lesson)) if (!(k in LESSON_FIELDS)) bad(k, `unknown field (known: ${Object.keys(LESSON_FIELDS).join(", ")})`);
  const steps = Array.isArray(lesson.steps) ? lesson.steps : [];
  if (Array.isArray(lesson.steps) && steps.length < 3) bad("steps", `a lesson has at least 3 steps, this one ${steps.length}`);
  steps.forEach((step, i) => {
    const at = `step ${i + 1}`;
    if (!step || typeof step !== "object" || Array.isArray(step)) return bad(at, "a step is an object");
    for (const [k, want] of Object.entries(STEP_FIELDS)) {
      if (!(k in step)) {
        if (k !== "optional") bad(`${at}.${k}`, "missing (every step has text, goals, hint and answer)");
      } else if (!typeOk(want, step[k])) bad(`${at}.${k}`, `must be ${WHAT[want] ?? `a ${want}`}`);
    }
    for (const k of Object.keys(step)) if (!(k in STEP_FIELDS)) bad(`${at}.${k}`, `unknown field (known: ${Object.keys(STEP_FIELDS).join(", ")})`);
    if (Array.isArray(step.answer)) {
      if (step.answer.length === 0) bad(`${at}.answer`, "needs at least one command line");
      step.answer.forEach((l, j) => { if (typeof l !== "string" || !l.trim()) bad(`${at}.answer[${j}]`, "must be a command line"); });
    }
    if (Array.isArray(step.goals)) {
      if (step.goals.length === 0) bad(`${at}.goals`, "needs at least one goal");
      step.goals.forEach((g, j) => {
        const gat = `${at}.goals[${j}]`;
        if (!g || typeof g !== "object" || Array.isArray(g)) return bad(gat, "a goal is an object");
        const kinds = Object.keys(GOALS).filter((k) => k in g);
        if (kinds.length !== 1) return bad(gat, `name exactly one goal kind (${Object.keys(GOALS).join(", ")}); found ${kinds.length ? kinds.join(", ") : "none"}`);
        const fields = GOALS[kinds[0]];
        for (const [k, v] of Object.entries(g)) {
          if (!(k in fields)) bad(`${gat}.${k}`, `not a field of a ${kinds[0]} goal (known: ${Object.keys(fields).join(", ")})`);
          else if (!typeOk(fields[k], v)) bad(`${gat}.${k}`, `must be ${WHAT[fields[k]] ?? `a ${fields[k]}`}`);
        }
        if (kinds[0] === "sysctl" && !("value" in g)) bad(gat, "a sysctl goal needs a value");
        if (kinds[0] === "output" && !("match" in g)) bad(gat, "an output goal needs a match (a regular expression)");
      });
    }
    for (const k of ["text", "hint"]) {
      if (typeof step[k] === "string" && (step[k].split("`").length - 1) % 2) bad(`${at}.${k}`, "has an unclosed ` (code is written `like this`)");
    }
  });
  return errs;
}

/** The problems of a set of lessons: each one's, then duplicate ids and orders. */
export function lessonsErrors(entries) {
  const errs = entries.flatMap(([file, lesson]) => lessonErrors(lesson, file));
  for (const key of ["id", "order"]) {
    const seen = new Map();
    for (const [file, lesson] of entries) {
      const v = lesson?.[key];
      if (v === undefined) continue;
      if (seen.has(v)) errs.push(`${file}: ${key}: ${JSON.stringify(v)} is also the ${key} of ${seen.get(v)}`);
      else seen.set(v, file);
    }
  }
  return errs;
}

// The lessons panel: pick a lesson, follow its steps; each step is checked
// against the world after every command. Progress is kept in localStorage.
import { goalsMet } from "./checks.js";

const PROGRESS_KEY = "iplab.lessons";
const modules = import.meta.glob("../lessons/*.json", { eager: true, import: "default" });

/** The lessons, in order. */
export const LESSONS = Object.keys(modules).sort().map((k) => modules[k]);

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** Markdown-like text: `code`, **bold**. */
function rich(text) {
  const out = [];
  for (const part of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (part.startsWith("`")) out.push(h("code", {}, part.slice(1, -1)));
    else if (part.startsWith("**")) out.push(h("strong", {}, part.slice(2, -2)));
    else if (part) out.push(part);
  }
  return out;
}

function loadProgress() {
  try {
    const p = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "{}");
    return p && typeof p === "object" ? p : {};
  } catch {
    return {};
  }
}

/** The lessons panel. `run(line)` types a line into the terminal. */
export class LessonPanel {
  constructor(container, { world, run }) {
    this.container = container;
    this.world = world;
    this.run = run;
    this.progress = loadProgress();
    this.current = this.progress.current ?? null;
    this.commands = [];
    this.render();
  }

  save() {
    this.progress.current = this.current;
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(this.progress));
    } catch {
      /* storage disabled */
    }
  }

  state(id) {
    return (this.progress[id] ??= { done: 0 });
  }

  /** Called after every command: advances the current lesson while its steps' goals hold. */
  afterCommand(line) {
    this.commands.push(line);
    const lesson = LESSONS.find((l) => l.id === this.current);
    if (!lesson) return;
    const st = this.state(lesson.id);
    let moved = false;
    while (st.done < lesson.steps.length && goalsMet(this.world(), lesson.steps[st.done].goals, { commands: this.commands })) {
      st.done++;
      moved = true;
    }
    if (moved) {
      this.save();
      this.render();
    }
  }

  /** Marks an optional step as skipped. */
  skip(lesson) {
    const st = this.state(lesson.id);
    if (lesson.steps[st.done]?.optional) st.done++;
    this.save();
    this.render();
  }

  open(id) {
    this.current = id;
    this.commands = [];
    this.save();
    this.render();
    this.container.querySelector("h3")?.focus();
  }

  reset(lesson) {
    this.progress[lesson.id] = { done: 0 };
    this.commands = [];
    this.save();
    this.render();
  }

  render() {
    const lesson = LESSONS.find((l) => l.id === this.current);
    this.container.replaceChildren(lesson ? this.lessonView(lesson) : this.listView());
  }

  listView() {
    return h("div", { class: "lesson-list" },
      h("p", { class: "lead" }, "Learn Linux networking by doing it. Each lesson checks your work as you type."),
      h("ol", {}, LESSONS.map((l) => {
        const done = this.state(l.id).done;
        const finished = done >= l.steps.length;
        return h("li", {},
          h("button", { type: "button", class: "lesson-open", "data-lesson": l.id, onclick: () => this.open(l.id) },
            h("span", { class: "lesson-title" }, l.title),
            h("span", { class: `lesson-progress ${finished ? "finished" : ""}` }, finished ? "✓ done" : `${done}/${l.steps.length}`)));
      })));
  }

  lessonView(lesson) {
    const st = this.state(lesson.id);
    const finished = st.done >= lesson.steps.length;
    return h("article", { class: "lesson", "data-lesson": lesson.id },
      h("div", { class: "lesson-head" },
        h("button", { type: "button", class: "link-button", onclick: () => { this.current = null; this.save(); this.render(); } }, "← All lessons"),
        h("button", { type: "button", class: "link-button lesson-reset", onclick: () => this.reset(lesson) }, "Reset lesson")),
      h("h3", { tabindex: "-1" }, lesson.title),
      h("p", { class: "intro" }, rich(lesson.intro)),
      h("ol", { class: "steps" }, lesson.steps.map((s, i) => {
        const status = i < st.done ? "done" : i === st.done ? "current" : "todo";
        return h("li", { class: `step ${status}`, "aria-current": status === "current" ? "step" : "false" },
          h("p", {}, rich(s.text), s.optional ? h("span", { class: "optional" }, " optional") : null),
          status === "current" ? this.helpers(lesson, s) : null);
      })),
      finished ? h("p", { class: "finished-banner", role: "status" }, "✓ Lesson complete!") : null);
  }

  helpers(lesson, step) {
    const hint = h("p", { class: "hint", hidden: "" }, "Hint: ", rich("`" + step.hint + "`"));
    const answer = h("div", { class: "answer", hidden: "" },
      h("pre", {}, step.answer.join("\n")),
      h("button", { type: "button", class: "run-answer", onclick: async () => { for (const line of step.answer) await this.run(line); } }, "Run it"));
    return h("div", { class: "helpers" },
      h("button", { type: "button", class: "show-hint", onclick: () => hint.toggleAttribute("hidden") }, "Hint"),
      h("button", { type: "button", class: "show-answer", onclick: () => answer.toggleAttribute("hidden") }, "Show me"),
      step.optional ? h("button", { type: "button", onclick: () => this.skip(lesson) }, "Skip") : null,
      hint, answer);
  }
}

import { describe, expect, it } from "vitest";
import { autosave, UNREACHABLE_MESSAGE, type AutosaveEvent, type AutosaveState } from "./autosave";

const saved: AutosaveState = { status: "saved", inFlight: false };

/** Runs events from `state`, collecting every effect on the way. */
function run(state: AutosaveState, ...events: AutosaveEvent[]) {
  const effects: string[] = [];
  for (const e of events) {
    const step = autosave(state, e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe("autosave", () => {
  it("an edit marks the design unsaved and starts the timer; when it is due the save goes out", () => {
    expect(run(saved, { type: "edited", dirty: true })).toEqual({ state: { status: "unsaved", inFlight: false }, effects: ["schedule"] });
    expect(run(saved, { type: "edited", dirty: true }, { type: "due", dirty: true })).toEqual({
      state: { status: "saving", inFlight: true }, effects: ["schedule", "save"],
    });
  });

  it("a successful save with nothing edited meanwhile is saved", () => {
    const saving: AutosaveState = { status: "saving", inFlight: true };
    expect(run(saving, { type: "saved", dirty: false })).toEqual({ state: saved, effects: [] });
  });

  it("edits while a save is on its way keep 'saving', and are saved after it", () => {
    const saving: AutosaveState = { status: "saving", inFlight: true };
    const during = run(saving, { type: "edited", dirty: true });
    expect(during).toEqual({ state: saving, effects: ["schedule"] });
    // The timer may fire while the request is still out: it does nothing then.
    expect(run(during.state, { type: "due", dirty: true })).toEqual({ state: saving, effects: [] });
    expect(run(during.state, { type: "saved", dirty: true })).toEqual({ state: { status: "unsaved", inFlight: false }, effects: ["schedule"] });
  });

  it("undoing back to the saved design is saved at once, with no request", () => {
    const unsaved: AutosaveState = { status: "unsaved", inFlight: false };
    expect(run(unsaved, { type: "edited", dirty: false })).toEqual({ state: saved, effects: ["cancel"] });
    // Undone while a save is out: the save's answer decides.
    const saving: AutosaveState = { status: "saving", inFlight: true };
    expect(run(saving, { type: "edited", dirty: false })).toEqual({ state: saving, effects: ["schedule"] });
    // Due with nothing to save.
    expect(run(unsaved, { type: "due", dirty: false })).toEqual({ state: saved, effects: [] });
  });

  it("a CONFLICT stops autosave: edits and timers change nothing", () => {
    const saving: AutosaveState = { status: "saving", inFlight: true };
    const conflict = run(saving, { type: "rejected", code: "CONFLICT", message: "Changed elsewhere" });
    expect(conflict).toEqual({ state: { status: "conflict", message: "Changed elsewhere", inFlight: false }, effects: [] });
    expect(run(conflict.state, { type: "edited", dirty: true }, { type: "due", dirty: true }, { type: "edited", dirty: false }))
      .toEqual({ state: conflict.state, effects: [] });
  });

  it("any other refusal is an error with the server's message; the next edit tries again", () => {
    const saving: AutosaveState = { status: "saving", inFlight: true };
    const error = run(saving, { type: "rejected", code: "VALIDATION", message: "Not a design" });
    expect(error).toEqual({ state: { status: "error", message: "Not a design", inFlight: false }, effects: [] });
    expect(run(error.state, { type: "edited", dirty: true }, { type: "due", dirty: true })).toEqual({
      state: { status: "saving", inFlight: true }, effects: ["schedule", "save"],
    });
  });

  it("an unreachable server is an error that keeps the edits; the next edit retries", () => {
    const saving: AutosaveState = { status: "saving", inFlight: true };
    const down = run(saving, { type: "unreachable" });
    expect(down).toEqual({ state: { status: "error", message: UNREACHABLE_MESSAGE, inFlight: false }, effects: [] });
    expect(run(down.state, { type: "edited", dirty: true })).toEqual({ state: { status: "unsaved", inFlight: false }, effects: ["schedule"] });
    // Undone back to the saved design after a failure: nothing left to save.
    expect(run(down.state, { type: "edited", dirty: false })).toEqual({ state: saved, effects: ["cancel"] });
  });
});

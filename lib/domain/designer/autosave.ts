// The canvas's autosave as a state machine: what each event does to the save status and which
// effects (timer, request) follow. The hook (components/designer/use-autosave.ts) owns the timer
// and the request; every decision is here, so it can be tested without React or a server.

export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "error";

/** How long after the last edit a save starts. */
export const AUTOSAVE_DELAY_MS = 800;

export const UNREACHABLE_MESSAGE = "The server could not be reached; your changes are kept here.";

export type AutosaveState = {
  status: SaveStatus;
  message?: string;
  /** A save request is on its way: never two at once, each against the version the last one produced. */
  inFlight: boolean;
};

/** `dirty`: the design being edited differs from the one the server has. */
export type AutosaveEvent =
  | { type: "edited"; dirty: boolean }
  | { type: "due"; dirty: boolean }
  | { type: "saved"; dirty: boolean }
  | { type: "rejected"; code: string; message: string }
  | { type: "unreachable" };

/** schedule: (re)start the delay timer; cancel: stop it; save: send the design now. */
export type AutosaveEffect = "schedule" | "cancel" | "save";

export type AutosaveStep = { state: AutosaveState; effects: AutosaveEffect[] };

const stay = (state: AutosaveState): AutosaveStep => ({ state, effects: [] });

/**
 * One transition. A CONFLICT is final: nothing is saved over someone else's version until the
 * user reloads or saves a copy. A failed save waits for the next edit, which tries again.
 */
export function autosave(state: AutosaveState, event: AutosaveEvent): AutosaveStep {
  switch (event.type) {
    case "edited":
      if (state.status === "conflict") return stay(state);
      // Undone back to what the server has: nothing to save.
      if (!event.dirty && !state.inFlight) return { state: { status: "saved", inFlight: false }, effects: ["cancel"] };
      // While a save is on its way the status stays "saving"; the edit is saved after it.
      return { state: state.inFlight ? state : { status: "unsaved", inFlight: false }, effects: ["schedule"] };
    case "due":
      if (state.status === "conflict" || state.inFlight) return stay(state);
      if (!event.dirty) return stay({ status: "saved", inFlight: false });
      return { state: { status: "saving", inFlight: true }, effects: ["save"] };
    case "saved":
      // Edits made while it was on its way are saved next.
      return event.dirty
        ? { state: { status: "unsaved", inFlight: false }, effects: ["schedule"] }
        : stay({ status: "saved", inFlight: false });
    case "rejected":
      return stay({ status: event.code === "CONFLICT" ? "conflict" : "error", message: event.message, inFlight: false });
    case "unreachable":
      return stay({ status: "error", message: UNREACHABLE_MESSAGE, inFlight: false });
  }
}

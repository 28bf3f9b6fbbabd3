import type { Design } from "../design";

/** Every edit either returns the next design (and the node it is about) or says why it cannot. */
export type EditResult = { ok: true; design: Design; id: string } | { ok: false; reason: string };

export const fail = (reason: string): EditResult => ({ ok: false, reason });

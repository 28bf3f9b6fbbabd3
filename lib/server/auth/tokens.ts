import { createHash, randomBytes } from "node:crypto";

/** A one-time secret for a link or a prompt (192 bits, URL-safe). Only its hash is ever stored. */
export const newToken = () => randomBytes(24).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

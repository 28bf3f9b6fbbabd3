import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pgliteDataDir } from "@/lib/db";

// Secrets at rest (a role's external id, a sandbox access key's secret) are sealed with AES-256-GCM. The key comes from
// STEVEDORE_SECRET_KEY (64 hex digits, base64 of 32 bytes, or any passphrase, hashed), else from
// a key file generated once beside the data directory with 0600 permissions.

const VERSION = "v1";
/** What a sealed secret is for, bound into it (AES-GCM's additional data): one use's ciphertext never opens as another's. */
const aad = (purpose: string) => Buffer.from(`stevedore:${purpose}`);
const store = globalThis as unknown as { __stevedoreMemoryKey?: Buffer };

function keyFromEnv(raw: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, "hex");
  const b64 = Buffer.from(raw, "base64");
  if (b64.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(raw)) return b64;
  return createHash("sha256").update(raw).digest();
}

export function secretKeyFile(): string {
  return `${pgliteDataDir().replace(/\/+$/, "")}-secret.key`;
}

function keyFromFile(): Buffer {
  if (pgliteDataDir().startsWith("memory://")) return (store.__stevedoreMemoryKey ??= randomBytes(32));
  const file = secretKeyFile();
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

function key(): Buffer {
  const raw = process.env.STEVEDORE_SECRET_KEY;
  return raw ? keyFromEnv(raw) : keyFromFile();
}

/**
 * A key for another purpose (signing session cookies), derived from the same secret key with
 * HKDF-SHA256, so one key to keep safe covers everything and no use can stand in for another.
 */
export function derivedSecret(purpose: string): string {
  return Buffer.from(hkdfSync("sha256", key(), Buffer.alloc(0), `stevedore:${purpose}`, 32)).toString("hex");
}

export function sealSecret(plain: string, purpose = "environment"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(aad(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function openSecret(sealed: string, purpose = "environment"): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAAD(aad(purpose));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

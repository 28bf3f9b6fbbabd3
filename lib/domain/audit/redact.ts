// What goes into the audit trail's before/after: the value as it was, less anything secret.

export const REDACTED = "[redacted]";

/** Keys whose values never reach the audit trail: passwords, tokens, secrets, a role's external id. */
const SECRET_KEY = /^(externalid|.*password|.*secret|.*token|.*credentials?|.*apikey|.*accesskey(id)?|.*secretkey)$/i;

/** A deep copy with every secret-named field replaced, for a JSON column. Cycles cannot occur in JSON input. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redact(v)]));
  }
  return value;
}

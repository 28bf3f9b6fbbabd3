export { redact, REDACTED } from "./redact";

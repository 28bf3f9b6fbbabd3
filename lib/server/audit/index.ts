export { recordAudit, auditRow, wasRecorded, markRecorded, type AuditEntry, type AuditSource } from "./record-audit";
export { pruneAuditTrail } from "./retention";
export { queryAudit, toNdjson, AuditQuerySchema } from "./query-audit";

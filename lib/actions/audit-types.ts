// The audit trail's rows, for components (which may not import lib/server).
export type { AuditView } from "@/lib/server/audit/query-audit";

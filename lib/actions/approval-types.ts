// Types of grants and apply requests, for client components (which may not import lib/server).
export type { ApplyRequestView, GrantView } from "@/lib/server/approvals/types";

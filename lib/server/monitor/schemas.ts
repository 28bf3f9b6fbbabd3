import { z } from "zod";
import { HistoryQuerySchema } from "@/lib/domain/monitor";

// ECS names: clusters and services are up to 255 letters, digits, hyphens and underscores.
const EcsName = z.string().min(1).max(255).regex(/^[A-Za-z0-9_-]+$/, "Not an ECS name");

/** Environments are keyed by uuid; anything else names none (and must not reach PostgreSQL's uuid cast). */
const EnvId = z.uuid({ message: "Not an environment id" });

export const ClusterRefSchema = z.object({ envId: EnvId, cluster: EcsName });
export type ClusterRef = z.infer<typeof ClusterRefSchema>;

export const ClusterViewInputSchema = ClusterRefSchema.extend({ service: EcsName.optional() });
export type ClusterViewInput = z.infer<typeof ClusterViewInputSchema>;

export const HistoryInputSchema = ClusterRefSchema.and(HistoryQuerySchema);
export type HistoryInput = z.infer<typeof HistoryInputSchema>;

export const ServiceRefSchema = ClusterRefSchema.extend({ service: EcsName });
export type ServiceRef = z.infer<typeof ServiceRefSchema>;

export const EnvRefSchema = z.object({ envId: EnvId });

/** What the monitor's routes answer when the environment id is malformed: it names no environment. */
export const envNotFound = (raw: Record<string, unknown>) => `Environment ${raw.envId} does not exist`;
export type EnvRef = z.infer<typeof EnvRefSchema>;

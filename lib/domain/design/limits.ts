// Stevedore's own limits on designs (ECS's limits are in ../ecs-facts).

/**
 * The largest design document, stored or imported, in bytes of JSON: room for about 1,000
 * resources (bench/generate-design.ts: ~0.9 MiB), low enough to bound a save's cost.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Design names, as the database column (VarChar(200)) holds them. */
export const MAX_DESIGN_NAME_LENGTH = 200;

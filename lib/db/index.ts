export { getDb, closeDb, createDb, databaseKind, pgliteDataDir, type Db, type DbTransaction, type DatabaseKind } from "./client";
export { migrate, readMigrations, MigrationError } from "./migrate";
export { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql-executor";
export { toJson, isUniqueViolation } from "./json";
export { PostgresSandboxStore } from "./sandbox-store";
export { authDatabase } from "./auth-adapter";

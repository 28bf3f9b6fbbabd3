export { getDb, closeDb, createDb, databaseKind, pgliteDataDir, type Db, type DbTransaction, type DatabaseKind, type CreateDbOptions } from "./client";
export { migrate, readMigrations, checksumOf, MigrationError, type MigrateResult, type MigrationFile } from "./migrate";
export { pgExecutor, pgliteExecutor, type SqlExecutor, type SqlSession } from "./sql-executor";
export { toJson, isUniqueViolation } from "./json";
export { PostgresSandboxStore, databaseSandbox, DEFAULT_SANDBOX_ID } from "./sandbox-store";

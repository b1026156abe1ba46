import { mkdirSync, rmSync } from "node:fs";

import { migrateDatabase } from "../../scripts/db-migrate";
import { TEMPLATE_DB, TEST_TMP } from "./paths";
import { postgresBase, recreateDatabase, templateName } from "./postgres-databases";

/** Migrates one template database with the committed migrations; each test file copies it. */
export default async function setup() {
  rmSync(TEST_TMP, { recursive: true, force: true });
  mkdirSync(TEST_TMP, { recursive: true });
  const postgres = postgresBase();
  if (postgres) migrateDatabase(await recreateDatabase(postgres, templateName(postgres)), { quiet: true });
  else migrateDatabase(`file:${TEMPLATE_DB}`, { quiet: true });
}

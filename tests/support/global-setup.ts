import { mkdirSync, rmSync } from "node:fs";
import { migrateDatabase } from "../../scripts/db-migrate";
import { TEMPLATE_DB, TEST_TMP } from "./paths";

/** Migrates one template database with the committed migrations; each test file copies it. */
export default function setup() {
  rmSync(TEST_TMP, { recursive: true, force: true });
  mkdirSync(TEST_TMP, { recursive: true });
  migrateDatabase(`file:${TEMPLATE_DB}`, { quiet: true });
}

import { seedDemo } from "../prisma/seed";
import { migrateDatabase } from "./db-migrate";
import { loadLocalEnv } from "./load-env";

/** Runs before `npm run dev`: .env with embedded defaults, migrations, demo data. */
async function main() {
  loadLocalEnv({ createFromExample: true });
  migrateDatabase();
  await seedDemo();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

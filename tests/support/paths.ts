import path from "node:path";

export const TEST_TMP = path.resolve(__dirname, "../.tmp/vitest");
export const TEMPLATE_DB = path.join(TEST_TMP, "template.db");

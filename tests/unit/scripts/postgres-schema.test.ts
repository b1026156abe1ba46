import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { postgresSchema, SOURCE, TARGET } from "../../../scripts/postgres-schema";

describe("one schema source for SQLite and PostgreSQL (#14 line 1)", () => {
  it("the committed PostgreSQL schema is the SQLite one with the provider swapped (npm run db:schema:postgres)", () => {
    const source = readFileSync(SOURCE, "utf8");
    const committed = readFileSync(TARGET, "utf8");
    expect(committed).toBe(postgresSchema(source));
    expect(committed).toContain('provider = "postgresql"');
    // Every model of the source is there.
    const models = (text: string) => [...text.matchAll(/^model (\w+)/gm)].map((match) => match[1]);
    expect(models(committed)).toEqual(models(source));
  });
});

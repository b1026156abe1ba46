import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";

import { oneAtATime } from "@/lib/server/sqlite-one-at-a-time";

// A SQLite file of its own, whichever database the other suites run on: this is the SQLite wrapper's test.
const file = path.join(mkdtempSync(path.join(tmpdir(), "one-at-a-time-")), "test.db");
const client = new PrismaClient({ adapter: oneAtATime(new PrismaBetterSQLite3({ url: `file:${file}` }), 300) });

afterAll(() => client.$disconnect());

/**
 * Decision 0018: while a transaction is open nothing else runs on the connection. A query made with
 * the client instead of `tx` inside a transaction's callback could then never run (the transaction
 * waits for it, it waits for the transaction): it must fail with a message naming the mistake, and
 * leave the connection usable, rather than hang the portal.
 */
describe("the SQLite connection, one transaction at a time", () => {
  it("fails a query made without tx inside a transaction's callback, and frees the connection", async () => {
    await client.$executeRawUnsafe("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
    const mistaken = client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("INSERT INTO note (text) VALUES ('inside')");
      await client.$executeRawUnsafe("INSERT INTO note (text) VALUES ('outside, by mistake')");
    });
    await expect(mistaken).rejects.toThrow(/waited over 0.3 s for a transaction to end .*without its tx/);
    // The transaction was rolled back with its callback's error, and the connection is free again.
    expect(await client.$queryRawUnsafe<{ text: string }[]>("SELECT text FROM note")).toEqual([]);
    await client.$executeRawUnsafe("INSERT INTO note (text) VALUES ('after')");
    expect(await client.$queryRawUnsafe<{ text: string }[]>("SELECT text FROM note")).toEqual([{ text: "after" }]);
  });
});

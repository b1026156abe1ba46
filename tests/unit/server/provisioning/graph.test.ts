import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { activeSlots, withAccountSlot } from "@/lib/server/provisioning/account-limiter";
import { isTransient } from "@/lib/server/provisioning/errors";
import { chainHeights, runGraph } from "@/lib/server/provisioning/graph";
import { withRetry } from "@/lib/server/provisioning/retry";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the provisioning graph runner", () => {
  it("runs each node after its dependencies, in parallel up to the limit", async () => {
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const node = (id: string, deps: string[] = []) => ({
      id,
      deps,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(10);
        order.push(id);
        running--;
      },
    });
    const result = await runGraph([node("a"), node("b"), node("c"), node("d", ["a", "b"]), node("e", ["d", "c"])], 2);
    expect(result.failures).toEqual([]);
    expect(order.indexOf("d")).toBeGreaterThan(Math.max(order.indexOf("a"), order.indexOf("b")));
    expect(order.at(-1)).toBe("e");
    expect(peak).toBe(2);
  });

  it("starts nothing new after a failure, and reports it", async () => {
    const ran: string[] = [];
    const result = await runGraph(
      [
        { id: "bad", deps: [], run: async () => Promise.reject(new Error("boom")) },
        { id: "after", deps: ["bad"], run: async () => void ran.push("after") },
      ],
      4,
    );
    expect(result.failures.map((f) => f.id)).toEqual(["bad"]);
    expect(ran).toEqual([]);
  });

  it("refuses a dependency on a step that does not exist", async () => {
    await expect(runGraph([{ id: "x", deps: ["nowhere"], run: async () => undefined }], 1)).rejects.toThrow(
      /unknown step nowhere/,
    );
  });
});

describe("per-account slots (held in the database, so every instance shares them)", () => {
  it("ten steps on one account share its limit of three", async () => {
    let peak = 0;
    let running = 0;
    const work = async () => {
      running++;
      peak = Math.max(peak, running, await activeSlots("AC1"));
      await sleep(60);
      running--;
    };
    await Promise.all(Array.from({ length: 10 }, () => withAccountSlot("AC1", 3, work)));
    // Never more than the limit; and steps do run side by side up to it.
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThanOrEqual(2);
    expect(await activeSlots("AC1")).toBe(0);
  });

  it("a process's steps beyond the limit wait in line for their turn, in the order they asked", async () => {
    const started: number[] = [];
    const limit = 2;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withAccountSlot("AC3", limit, async () => {
          started.push(i);
          await sleep(20);
        }),
      ),
    );
    // First come, first served (a queue in the process), not whoever polls the database first: a
    // step gets its turn only once the steps that asked `limit` places before it have finished, so
    // at least i - (limit - 1) steps started before step i. Which of the (at most `limit`) steps
    // that hold a turn together reaches the database first is not ordered (CI on PostgreSQL saw
    // 1 before 0), so the exact order is not asserted. Polling instead of a queue breaks this
    // bound: step 11 polls from the start and takes whichever slot frees first.
    const tooEarly = started
      .map((step, position) => ({ step, position }))
      .filter(({ step, position }) => position < step - (limit - 1));
    expect(tooEarly).toEqual([]);
    expect([...started].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(await activeSlots("AC3")).toBe(0);
  });

  it("a slot whose holder died (its lease ran out) is taken over", async () => {
    await db.accountSlot.create({
      data: { accountSid: "AC2", slot: 0, holder: "dead", until: new Date(Date.now() - 1000) },
    });
    expect(await withAccountSlot("AC2", 1, async () => "ran")).toBe("ran");
    expect(await db.accountSlot.count({ where: { accountSid: "AC2" } })).toBe(0);
  });
});

describe("retries", () => {
  it("retries transient errors, not permanent ones, and looks before retrying a create", async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error("busy"), { status: 503 });
      return "ok";
    };
    expect(await withRetry(flaky, { attempts: 5, baseMs: 1, maxMs: 2 })).toBe("ok");
    expect(calls).toBe(3);

    let permanent = 0;
    await expect(
      withRetry(
        async () => {
          permanent++;
          throw Object.assign(new Error("bad"), { status: 400 });
        },
        { attempts: 5, baseMs: 1, maxMs: 2 },
      ),
    ).rejects.toThrow("bad");
    expect(permanent).toBe(1);

    let created = 0;
    const result = await withRetry(
      async () => {
        created++;
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      },
      { attempts: 5, baseMs: 1, maxMs: 2 },
      async () => "found-by-friendly-name",
    );
    expect(result).toBe("found-by-friendly-name");
    expect(created).toBe(1);
  });

  it("knows which errors are transient", () => {
    expect([429, 500, 503].map((status) => isTransient({ status }))).toEqual([true, true, true]);
    expect([400, 404].map((status) => isTransient({ status }))).toEqual([false, false]);
    expect(isTransient({ code: "ECONNRESET" })).toBe(true);
    expect(isTransient(new Error("timeout of 800ms exceeded"))).toBe(true);
  });
});

describe("critical path first", () => {
  it("measures the longest chain each step starts", () => {
    const noop = async () => undefined;
    const heights = chainHeights([
      { id: "a", deps: [], run: noop },
      { id: "b", deps: ["a"], run: noop },
      { id: "c", deps: ["b"], run: noop },
      { id: "x", deps: [], run: noop },
      { id: "y", deps: ["a", "x"], run: noop },
    ]);
    expect(Object.fromEntries(heights)).toEqual({ a: 3, b: 2, c: 1, x: 2, y: 1 });
  });

  it("starts the step on the longest chain first when not all ready steps may run", async () => {
    const started: string[] = [];
    const step = (id: string, deps: string[] = []) => ({
      id,
      deps,
      run: async () => {
        started.push(id);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    // Listed first but leading nowhere: "leaf1" and "leaf2" wait behind the chain's head.
    await runGraph([step("leaf1"), step("leaf2"), step("head"), step("middle", ["head"]), step("tail", ["middle"])], 1);
    expect(started[0]).toBe("head");
  });
});

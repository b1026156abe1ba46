import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { jobState } from "@/lib/server/jobs/enqueue";
import { startPortalJobs } from "@/lib/server/start-up/portal-jobs";

import { makeOrganization } from "../support/factories";

/**
 * #14 line 6: an instance starting does not redo what another did. Applications written before the
 * dashboard existed (no summary row yet) are summarized by a singleton job the started engine runs
 * once, instead of by every instance at start-up over the same rows (which, on PostgreSQL, held
 * their locks against each other and against approvals made meanwhile).
 */
afterAll(async () => {
  const queue = await jobState.portalJobs?.catch(() => null);
  await queue?.stop();
  jobState.portalJobs = undefined;
});

describe("start-up", () => {
  it("summarizes the applications that have no summary row yet, through the job engine", async () => {
    const { application } = await makeOrganization("Written Before The Dashboard Co");
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).displayName).toBe("");
    const previous = process.env.PROVISIONING_WORKER;
    process.env.PROVISIONING_WORKER = "off";
    try {
      await startPortalJobs();
    } finally {
      // Assigning undefined would store the string "undefined", which the validated tuning refuses.
      if (previous === undefined) delete process.env.PROVISIONING_WORKER;
      else process.env.PROVISIONING_WORKER = previous;
    }
    await expect
      .poll(
        async () => (await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).displayName,
        { timeout: 20_000 },
      )
      .toBe("Written Before The Dashboard Co");
  });
});

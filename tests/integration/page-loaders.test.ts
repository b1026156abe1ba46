import { describe, expect, it } from "vitest";

import { loadApplication } from "@/lib/server/applications/load-application";
import { toStoredDraft } from "@/lib/server/applications/stored-draft";
import { db } from "@/lib/server/db";
import { loadCustomerHome } from "@/lib/server/loaders/customer-home";
import { loadStaffApplication } from "@/lib/server/loaders/staff-application";
import { loadStaffCustomer } from "@/lib/server/loaders/staff-customer";

import { submittedApplication } from "../support/provisioning";

/**
 * #24 line 4: each page reads its data through one loader in lib/server/loaders/, and an
 * application's draft is decoded (its personal fields decrypted) in one place, loadApplication.
 */
describe("page loaders", () => {
  it("loadApplication decrypts the personal fields the database keeps encrypted", async () => {
    const { application } = await submittedApplication("Loaded Draft LLC");
    const typed = (await loadApplication(application.id))!.draft;
    // Written as the portal writes drafts: personal fields encrypted.
    await db.onboardingApplication.update({
      where: { id: application.id },
      data: { draft: toStoredDraft(typed, application.id) as object },
    });
    const stored = JSON.stringify(
      (await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).draft,
    );
    const email = (typed.representatives?.primary as { email?: string } | undefined)?.email;
    expect(email).toMatch(/@/);
    expect(stored).not.toContain(String(email));
    expect((await loadApplication(application.id))!.draft).toEqual(typed);
    expect(await loadApplication("no-such-application")).toBeNull();
  });

  it("the customer's home, the staff's application page and customer page come from one loader each", async () => {
    const { application, organization } = await submittedApplication("Loaded Pages LLC");
    const home = await loadCustomerHome(organization.id);
    expect(home.application?.id).toBe(application.id);
    expect(home.status?.stage).toBeTruthy();
    expect(home.progress?.stages.length).toBeGreaterThan(0);
    expect(home.campaign).toBeNull();

    const staffPage = (await loadStaffApplication(application.id))!;
    expect(staffPage.application.id).toBe(application.id);
    expect(staffPage.sections.map((section) => section.step)).toContain("business");
    expect(staffPage.draft.business?.businessName).toBe("Loaded Pages LLC");
    expect(await loadStaffApplication("no-such-application")).toBeNull();

    const customerPage = (await loadStaffCustomer(organization.id))!;
    expect(customerPage.customer.applications[0]?.id).toBe(application.id);
    expect(customerPage.locked).toBe(false);
    expect(await loadStaffCustomer("no-such-organization")).toBeNull();
  });
});

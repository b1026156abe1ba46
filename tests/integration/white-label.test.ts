import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { composeMail, previewMail, resetEmailText, saveEmailText } from "@/lib/server/email-texts/email-texts";
import { createInvitation, emailInvitation } from "@/lib/server/invitations/create-invitation";
import { emailCustomerUsers } from "@/lib/server/notifications/email-customer-users";
import { saveBranding } from "@/lib/server/settings/branding";
import { getIsvSettings } from "@/lib/server/settings/isv-settings";

import { makeOrganization, makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

/**
 * #28 line 5, white label: the brand colour (refused when white text would not read on it) and the
 * logo (images only, served by the portal) reach every email; an administrator's wording of an email
 * kind wraps the portal's facts, in the notifications and the invitations customers receive.
 */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
type OutboxMailWithHtml = { to: string; subject: string; text: string; html?: string };

afterAll(async () => {
  await db.isvSettings.updateMany({ data: { brandColor: null, logoData: null, logoType: null, logoUpdatedAt: null } });
  await db.emailText.deleteMany();
});

describe("branding", () => {
  it("refuses a colour white text does not read on, and a logo that is not an image, saving neither", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    expect(await saveBranding({ brandColor: "#ffcc00" }, admin.id)).toEqual({
      ok: false,
      field: "brandColor",
      message: expect.stringMatching(/^White text on this colour is hard to read \(contrast 1\.\d\d:1/),
    });
    const svg = new TextEncoder().encode("<svg onload='alert(1)'/>");
    expect(await saveBranding({ brandColor: "#0f766e", logo: svg }, admin.id)).toMatchObject({
      ok: false,
      field: "logo",
    });
    expect((await getIsvSettings()).brandColor).toBeNull();
  });

  it("a saved colour and logo are on every email, and the logo is served as the image it is", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    expect(await saveBranding({ brandColor: "#0F766E", logo: PNG }, admin.id)).toEqual({ ok: true });
    const settings = await getIsvSettings();
    expect(settings.brandColor).toBe("#0f766e");
    expect(settings.logoUrl).toMatch(/^\/api\/branding\/logo\?v=\d+$/);

    const { GET } = await import("@/app/api/branding/logo/route");
    const served = await GET(new Request("http://portal.test/api/branding/logo"), undefined as never);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    const { organization } = await makeOrganization("Teal Plumbing");
    const { user: customer } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
    await emailCustomerUsers(organization.id, {
      kind: "brand_approved",
      subject: "Your brand is approved: describe your messages",
      lines: (name) => [`Messaging registration for ${name}.`],
      path: "/campaign",
    });
    const mail = (mailOutbox().all() as OutboxMailWithHtml[]).filter((m) => m.to === customer.email).at(-1)!;
    expect(mail.html).toContain("border-top:4px solid #0f766e");
    expect(mail.html).toContain(`/api/branding/logo?v=`);

    expect(await saveBranding({ brandColor: null, removeLogo: true }, admin.id)).toEqual({ ok: true });
    expect((await getIsvSettings()).logoUrl).toBe("/logo.svg");
    const gone = await GET(new Request("http://portal.test/api/branding/logo"), undefined as never);
    expect(gone.status).toBe(200);
    expect(gone.headers.get("content-type")).toBe("image/svg+xml");
    expect(await db.auditLog.count({ where: { action: "settings.branding_updated" } })).toBe(2);
  });
});

describe("email texts", () => {
  it("an administrator's wording wraps the portal's facts in every email of its kind, until reset", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const { organization } = await makeOrganization("Wording Bakery");
    const { user: customer } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
    const refused = await saveEmailText("registration_changes", { subject: "Hi", body: "{{details}}" }, admin.id);
    expect(refused).toMatchObject({ ok: false, problems: { body: expect.stringMatching(/^Keep \{\{link\}\}/) } });

    const saved = await saveEmailText(
      "registration_changes",
      {
        subject: "[{{portalName}}] {{subject}}",
        body: "Hello {{organization}} team,\n\n{{details}}\n{{link}}\n\nThe Teal team",
      },
      admin.id,
    );
    expect(saved).toEqual({ ok: true });
    const notify = () =>
      emailCustomerUsers(organization.id, {
        kind: "registration_changes",
        subject: "Please update your messaging registration",
        lines: (name) => [`Our team asked for a few changes to ${name}'s registration.`],
        path: "/onboarding/review",
      });
    await notify();
    const last = () =>
      mailOutbox()
        .all()
        .filter((m) => m.to === customer.email)
        .at(-1)!;
    const portalName = (await getIsvSettings()).portalName;
    expect(last().subject).toBe(`[${portalName}] Please update your messaging registration`);
    expect(last().text).toMatch(
      /^Hello Wording Bakery team,\n\nOur team asked for a few changes to Wording Bakery's registration\.\nhttp\S+\/onboarding\/review\n\nThe Teal team$/,
    );

    // The other kinds keep the portal's own wording.
    expect(
      (await composeMail("brand_attention", { subject: "S", details: ["D"], link: "L", organization: "O" })).text,
    ).toBe("D\nL");

    await resetEmailText("registration_changes", admin.id);
    await notify();
    expect(last().subject).toBe("Please update your messaging registration");
    expect(last().text).toMatch(
      /^Our team asked for a few changes to Wording Bakery's registration\.\nhttp\S+\/onboarding\/review$/,
    );
  });

  it("customers' invitations take the invitation wording; staff invitations keep the portal's", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    await saveEmailText(
      "invitation",
      { subject: "Welcome to {{portalName}}", body: "{{details}}\n{{link}}\n\nSee you soon." },
      admin.id,
    );
    const { organization } = await makeOrganization("Invited Florist");
    const email = `owner-${Date.now()}@florist.example`;
    const { invitation, link } = await createInvitation(
      { email, name: "Fiona", role: "CUSTOMER", organizationId: organization.id },
      admin.id,
    );
    await emailInvitation(invitation, link, organization.name);
    const customerMail = mailOutbox()
      .all()
      .filter((m) => m.to === email)
      .at(-1)!;
    expect(customerMail.subject).toBe(`Welcome to ${(await getIsvSettings()).portalName}`);
    expect(customerMail.text).toMatch(
      /^Hello Fiona,\n\nYou have been invited to Invited Florist's messaging registration\./,
    );
    expect(customerMail.text).toMatch(/\n\nSee you soon\.$/);

    const staffEmail = `staff-${Date.now()}@isv.example`;
    const staff = await createInvitation({ email: staffEmail, role: "STAFF" }, admin.id);
    await emailInvitation(staff.invitation, staff.link);
    const staffMail = mailOutbox()
      .all()
      .filter((m) => m.to === staffEmail)
      .at(-1)!;
    expect(staffMail.subject).toBe("You're invited to the onboarding portal");
    expect(staffMail.text).toMatch(/If you did not expect this invitation, you can ignore this email\.$/);
  });

  it("a preview is the kind's sample in the wording given, saved or not", async () => {
    const preview = await previewMail("brand_approved", {
      subject: "Good news: {{subject}}",
      body: "{{details}}\n{{link}}",
    });
    expect(preview.subject).toBe("Good news: Your brand is approved: describe your messages");
    expect(preview.text).toMatch(/^Messaging registration for Acme Plumbing\./);
    expect(preview.text).toMatch(/\/campaign$/);
  });
});

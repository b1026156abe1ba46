import { describe, expect, it } from "vitest";

import { defaultEmailText, emailTextProblems, renderEmailText } from "@/lib/email-texts/kinds";

describe("email texts", () => {
  const values = {
    subject: "Your brand is approved",
    details: "Messaging registration for Acme.\n\nFill in your campaign:",
    link: "https://portal.example/campaign",
    organization: "Acme",
    portalName: "Acme Telecom Portal",
    supportEmail: "help@acme-telecom.example",
  };

  it("by default are the portal's own words: its subject, its details, then the link", () => {
    expect(renderEmailText(defaultEmailText("brand_approved"), values)).toEqual({
      subject: "Your brand is approved",
      body: "Messaging registration for Acme.\n\nFill in your campaign:\nhttps://portal.example/campaign",
    });
  });

  it("wrap the portal's words in the ISV's: placeholders filled, the subject on one line", () => {
    const rendered = renderEmailText(
      {
        subject: "{{portalName}}: {{ subject }}",
        body: "Hi {{organization}} team,\n\n{{details}}\n{{link}}\n\nQuestions? {{supportEmail}}",
      },
      values,
    );
    expect(rendered.subject).toBe("Acme Telecom Portal: Your brand is approved");
    expect(rendered.body).toBe(
      "Hi Acme team,\n\nMessaging registration for Acme.\n\nFill in your campaign:\nhttps://portal.example/campaign\n\nQuestions? help@acme-telecom.example",
    );
  });

  it("are refused without the link, with an unknown placeholder, or with a subject on two lines", () => {
    expect(emailTextProblems({ subject: "Hello", body: "{{details}}" })).toEqual({
      body: "Keep {{link}} in the text: it is how the customer gets back to the portal.",
    });
    expect(emailTextProblems({ subject: "{{firstName}}", body: "{{link}} {{nope}}" })).toMatchObject({
      subject: expect.stringMatching(/^Unknown placeholder \{\{firstName\}\}: use \{\{subject\}\}, /),
      body: expect.stringMatching(/^Unknown placeholder \{\{nope\}\}/),
    });
    expect(emailTextProblems({ subject: "a\nb", body: "{{link}}" })).toEqual({
      subject: "Keep the subject on one line.",
    });
    expect(emailTextProblems(defaultEmailText("invitation"))).toEqual({});
  });
});

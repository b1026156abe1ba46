/**
 * The kinds of email the ISV's customers receive, whose wording an administrator may change
 * (#28 line 5). The portal writes what happened and what to do for each event (`{{details}}`, its
 * own subject `{{subject}}`); an administrator's text wraps them in the ISV's voice: a greeting, a
 * sign-off, a subject prefix. The event's facts stay the portal's, so an edited text is never wrong
 * about what happened.
 */
export const EMAIL_KINDS = {
  invitation: {
    label: "Invitation",
    when: "A customer's first user (or another user) is invited to register.",
    sample: {
      subject: "You're invited to the onboarding portal",
      details: [
        "Hello Jordan Lee,",
        "",
        "You have been invited to Acme Plumbing's messaging registration.",
        "",
        "Open this link to set your password and sign in (it works once, until Sat, 12 Dec 2026 10:00:00 GMT):",
      ],
      path: "/invite/sample-token",
    },
    body: "{{details}}\n{{link}}\n\nIf you did not expect this invitation, you can ignore this email.",
  },
  registration_changes: {
    label: "Changes requested",
    when: "Staff (or a Twilio rejection) send the registration back to the customer.",
    sample: {
      subject: "Please update your messaging registration",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Please check the business address: the ZIP code does not match the city.",
      ],
      path: "/onboarding/review",
    },
  },
  brand_attention: {
    label: "Brand needs attention",
    when: "The brand failed (or was suspended) at The Campaign Registry.",
    sample: {
      subject: "Your brand registration needs your attention",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "The Campaign Registry could not register your brand.",
        "Open your home page to see the reasons and which details to check:",
      ],
      path: "/home",
    },
  },
  brand_approved: {
    label: "Brand approved",
    when: "The brand is approved and verified: the campaign step opens.",
    sample: {
      subject: "Your brand is approved: describe your messages",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Your brand is registered with The Campaign Registry.",
        "Fill in your campaign here:",
      ],
      path: "/campaign",
    },
  },
  brand_verification: {
    label: "Brand verification",
    when: "A Sole Proprietor's code or a public company's Authentication+ email waits, is sent again, or expired.",
    sample: {
      subject: "Reply to the text from Twilio within 24 hours",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Twilio has texted your mobile number. Reply YES within 24 hours to verify your brand:",
      ],
      path: "/home",
    },
  },
  campaign_changes: {
    label: "Campaign changes needed",
    when: "Staff send the campaign back, or it failed at Twilio.",
    sample: {
      subject: "Your messaging campaign needs changes",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Your campaign's sample messages must name your business.",
      ],
      path: "/campaign",
    },
  },
  campaign_news: {
    label: "Campaign verified or suspended",
    when: "The campaign is verified (news) or suspended by the carriers.",
    sample: {
      subject: "Your messaging campaign is verified",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Your A2P campaign is verified: your numbers can send messages under it.",
      ],
      path: "/home",
    },
  },
  number_failed: {
    label: "Number not registered",
    when: "A phone number could not be registered under the campaign.",
    sample: {
      subject: "A phone number could not be registered for messaging",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "+1 415 555 0100 could not be registered under your campaign.",
      ],
      path: "/campaign",
    },
  },
  tollfree_news: {
    label: "Toll-free verification news",
    when: "Twilio approved or rejected a toll-free number's verification.",
    sample: {
      subject: "Your toll-free number needs changes",
      details: [
        "Toll-free verification for Acme Plumbing, +1 833 555 0100.",
        "",
        "Twilio did not approve it: Business name and official records do not match (Twilio error 30484).",
      ],
      path: "/toll-free",
    },
  },
  reminder: {
    label: "Reminder",
    when: "A draft untouched, or changes asked for and not made, for a while (then less often).",
    sample: {
      subject: "Finish your messaging registration",
      details: [
        "Messaging registration for Acme Plumbing.",
        "",
        "Your application is saved as you left it. It takes a few minutes to finish:",
      ],
      path: "/onboarding",
    },
  },
} as const satisfies Record<
  string,
  { label: string; when: string; sample: { subject: string; details: string[]; path: string }; body?: string }
>;

export type EmailKind = keyof typeof EMAIL_KINDS;
export const EMAIL_KIND_IDS = Object.keys(EMAIL_KINDS) as EmailKind[];

export const PLACEHOLDERS = {
  subject: "The portal's subject for this event.",
  details: "What happened and what to do, in the portal's words.",
  link: "The link into the portal (required in the body).",
  organization: "The customer's name.",
  portalName: "Your portal's name.",
  supportEmail: "Your support address (empty when none is set).",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export type EmailText = { subject: string; body: string };

/** The portal's own wording of a kind: its subject, then its details and link. */
export function defaultEmailText(kind: EmailKind): EmailText {
  const definition = EMAIL_KINDS[kind];
  return { subject: "{{subject}}", body: "body" in definition ? definition.body : "{{details}}\n{{link}}" };
}

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

/** What is wrong with an administrator's text, by field; {} when it can be saved. */
export function emailTextProblems(text: EmailText): Partial<Record<keyof EmailText, string>> {
  const problems: Partial<Record<keyof EmailText, string>> = {};
  const unknown = (value: string) =>
    [...value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS));
  const known = Object.keys(PLACEHOLDERS)
    .map((name) => `{{${name}}}`)
    .join(", ");
  if (!text.subject.trim()) problems.subject = "Enter a subject.";
  else if (text.subject.length > SUBJECT_MAX) problems.subject = `Use at most ${SUBJECT_MAX} characters.`;
  else if (/[\r\n]/.test(text.subject)) problems.subject = "Keep the subject on one line.";
  else if (unknown(text.subject).length)
    problems.subject = `Unknown placeholder {{${unknown(text.subject)[0]}}}: use ${known}.`;
  if (!text.body.trim()) problems.body = "Enter the email's text.";
  else if (text.body.length > BODY_MAX) problems.body = `Use at most ${BODY_MAX} characters.`;
  else if (unknown(text.body).length) problems.body = `Unknown placeholder {{${unknown(text.body)[0]}}}: use ${known}.`;
  else if (!/\{\{\s*link\s*\}\}/.test(text.body))
    problems.body = "Keep {{link}} in the text: it is how the customer gets back to the portal.";
  return problems;
}

/** A text with its placeholders filled in (a subject stays on one line). */
export function renderEmailText(text: EmailText, values: Record<Placeholder, string>): EmailText {
  const fill = (template: string) =>
    template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) =>
      name in values ? values[name as Placeholder] : whole,
    );
  return {
    subject: fill(text.subject)
      .replace(/\s*[\r\n]+\s*/g, " ")
      .trim(),
    body: fill(text.body).replace(/\r\n/g, "\n"),
  };
}

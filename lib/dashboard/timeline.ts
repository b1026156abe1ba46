import { fieldLabel } from "./field-labels";
import { brandStatusLabel, bundleStatusLabel, campaignStatusLabel, tollfreeStatusLabel } from "./status-labels";

export type Audience = "staff" | "customer";
export type TimelineEvent = { at: string; title: string; detail?: string; tone: "info" | "good" | "bad" };

export type AuditInput = {
  createdAt: Date;
  action: string;
  metadata: unknown;
  actor: { name: string | null; email: string; role: string } | null;
};
export type ResourceInput = { step: string; sid: string; createdAt: Date };

const PART: Record<string, string> = {
  "customer-profile": "Secondary Customer Profile",
  "trust-product": "A2P TrustProduct",
  "business-information": "business information",
  "representative-1": "authorized representative 1",
  "representative-2": "authorized representative 2",
  address: "address",
  "address-document": "address document",
  "messaging-profile": "A2P messaging profile information",
  "primary-customer-profile": "the ISV's primary profile",
  "starter-information": "Starter profile information",
  "sole-proprietor-information": "Sole Proprietor information",
  brand: "BrandRegistration",
  "messaging-service": "Messaging Service",
  campaign: "A2P campaign",
  "shaken-stir": "SHAKEN/STIR TrustProduct",
};

/** A step's name in words, whatever step it is: never the raw step id on a page. */
function partOf(step: string): string {
  return PART[step] ?? step.replace(/[-_:]+/g, " ");
}

/** What one Twilio step did, in words. */
export function stepTitle(step: string): string {
  const [kind, bundle, object] = step.split(":");
  if (kind === "assign") return `Attached ${partOf(object!)} to the ${partOf(bundle!)}`;
  if (kind === "evaluate") return `${capitalized(partOf(bundle!))} evaluated by Twilio`;
  if (kind === "submit") return `${capitalized(partOf(bundle!))} submitted for review`;
  if (step === "brand") return "Brand registered with The Campaign Registry";
  if (kind === "tollfree") return "Toll-free verification sent to Twilio";
  return `${capitalized(partOf(step))} created at Twilio`;
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function statusWords(step: string, status: string): string {
  if (step === "brand") return brandStatusLabel(status);
  if (step === "campaign") return campaignStatusLabel(status);
  return bundleStatusLabel(status);
}

const TONE_OF = (status: string): TimelineEvent["tone"] =>
  /approved|verified/i.test(status) ? "good" : /rejected|failed|suspended/i.test(status) ? "bad" : "info";

function fromAudit(entry: AuditInput, audience: Audience): TimelineEvent | null {
  const meta = (entry.metadata ?? {}) as Record<string, unknown>;
  const at = entry.createdAt.toISOString();
  const byStaff =
    entry.actor && entry.actor.role !== "CUSTOMER"
      ? audience === "staff"
        ? ` by ${entry.actor.name ?? entry.actor.email}`
        : " by our team"
      : "";
  const byCustomer = entry.actor?.role === "CUSTOMER" ? ` by ${entry.actor.name ?? entry.actor.email}` : "";
  const fields = Array.isArray(meta.fields) ? (meta.fields as string[]) : [];
  switch (entry.action) {
    case "organization.created":
      return { at, title: `Customer added${byStaff}`, tone: "info" };
    case "adoption.customer_adopted":
      return {
        at,
        title: `Brought in from Twilio${byStaff}`,
        detail:
          audience === "staff"
            ? "Registered at Twilio before the portal; its profile, brand, campaign and numbers as Twilio holds them."
            : undefined,
        tone: "info",
      };
    case "invitation.accepted":
      return { at, title: `${entry.actor?.name ?? entry.actor?.email ?? "A user"} joined`, tone: "info" };
    case "reminder.sent":
      return {
        at,
        title:
          meta.kind === "changes-unanswered"
            ? "Reminded by email to make the changes asked for"
            : meta.kind === "verification-expiring"
              ? "Reminded by email that the brand's verification expires soon"
              : meta.kind === "tollfree-edit-window"
                ? "Reminded by email that the toll-free verification's days to fix it end soon"
                : meta.kind === "tollfree-unfinished"
                  ? "Reminded by email to finish the toll-free verification"
                  : meta.kind === "tollfree-changes-unanswered"
                    ? "Reminded by email to make the changes asked for on the toll-free verification"
                    : "Reminded by email to finish the application",
        tone: "info",
      };
    case "tollfree.submitted":
      return {
        at,
        title: meta.resubmission
          ? `Toll-free verification sent again after changes${byCustomer}`
          : `Toll-free verification sent for review${byCustomer}`,
        tone: "info",
      };
    case "tollfree.approved":
      return {
        at,
        title: `Toll-free verification approved${byStaff}`,
        detail: meta.newSubmission
          ? "Twilio's days to fix the last one had passed: it goes to Twilio as a new verification (standard queue)."
          : "It goes to Twilio now.",
        tone: "good",
      };
    case "tollfree.changes_requested":
      return { at, title: `Changes requested on the toll-free verification${byStaff}`, tone: "bad" };
    case "tollfree.status_changed":
      return {
        at,
        title: `Toll-free verification at Twilio: ${tollfreeStatusLabel(String(meta.to ?? ""))}`,
        detail:
          Array.isArray(meta.codes) && meta.codes.length
            ? `Twilio error${meta.codes.length === 1 ? "" : "s"} ${meta.codes.join(", ")}`
            : undefined,
        tone: meta.to === "TWILIO_APPROVED" ? "good" : meta.to === "TWILIO_REJECTED" ? "bad" : "info",
      };
    case "tollfree.resubmitted":
      return { at, title: "Toll-free verification fixed at Twilio (same verification)", tone: "info" };
    case "tollfree.new_submission":
      return audience === "staff"
        ? { at, title: "Toll-free verification sent again as a new verification", tone: "info" }
        : null;
    case "application.submitted":
      return {
        at,
        title: meta.resubmission ? `Sent again after changes${byCustomer}` : `Sent for review${byCustomer}`,
        tone: "info",
      };
    case "application.changes_requested":
      return {
        at,
        title: `Changes requested${byStaff}`,
        detail: fields.map(fieldLabel).join("; ") || undefined,
        tone: "bad",
      };
    case "application.field_edited":
      return audience === "staff"
        ? {
            at,
            title: `Field corrected${byStaff}`,
            detail: typeof meta.field === "string" ? fieldLabel(meta.field) : undefined,
            tone: "info",
          }
        : null;
    case "application.approved":
      return { at, title: `Approved${byStaff}`, detail: "Registration at Twilio starts now.", tone: "good" };
    case "provisioning.needs_customer":
      return {
        at,
        title: "Twilio's evaluation found details to fix",
        detail: fields.map(fieldLabel).join("; ") || undefined,
        tone: "bad",
      };
    case "provisioning.failed":
      return {
        at,
        title: "Registration at Twilio stopped",
        detail:
          audience === "staff"
            ? `Step ${String(meta.step ?? "?")}${meta.code ? `, Twilio error ${String(meta.code)}` : ""}`
            : "Our team has been told and will follow up.",
        tone: "bad",
      };
    case "provisioning.done":
      return { at, title: "Everything submitted to Twilio", tone: "good" };
    case "twilio.status_changed":
    case "twilio.status_synced":
    case "twilio.event": {
      const step = String(meta.step ?? "");
      const to = String(meta.to ?? meta.status ?? "");
      if (!to) return null;
      const from = meta.from ? statusWords(step, String(meta.from)) : null;
      return {
        at,
        title: `${step ? capitalized(partOf(step)) : "Twilio"}: ${statusWords(step, to)}`,
        detail: from ? `was ${from}` : undefined,
        tone: TONE_OF(to),
      };
    }
    default:
      return null;
  }
}

/**
 * Every event of an application, oldest first: what people did (audit log), each Twilio resource
 * created, each status Twilio reported. Pure; staff see names and SIDs, customers see "our team".
 */
export function buildTimeline(audits: AuditInput[], resources: ResourceInput[], audience: Audience): TimelineEvent[] {
  const events = audits
    .map((entry) => fromAudit(entry, audience))
    .filter((event): event is TimelineEvent => event !== null);
  for (const resource of resources) {
    events.push({
      at: resource.createdAt.toISOString(),
      title: stepTitle(resource.step),
      detail: audience === "staff" ? resource.sid : undefined,
      tone: "info",
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

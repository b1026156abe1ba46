import { STAGES, type StageId } from "./stages";

export type NextStep = {
  title: string;
  text: string;
  wait: string | null;
  who: "customer" | "staff" | "twilio" | "none";
};

/** Facts beyond the stage that change what comes next. */
export type NextStepFacts = {
  /** A Twilio mock Sole Proprietor brand: sent no code and never given a campaign (mock-brand-api.md). */
  mockSoleProprietor?: boolean;
  /** The brand or the campaign is SUSPENDED (troubleshooting-standard-lvs-brands.md). */
  brandSuspended?: boolean;
  campaignSuspended?: boolean;
  /** The brand's secondary vetting failed (brand-secondary-vetting-failure). */
  vettingFailed?: boolean;
};

/** What happens next from a stage, for the customer's eyes (staff read the same words). */
export function nextStep(stage: StageId, facts: NextStepFacts = {}): NextStep {
  const wait = STAGES[stage].usualWait;
  // What Twilio allows while suspended: nothing to fix in the form, and nothing the portal may send.
  if (facts.brandSuspended)
    return {
      title: "Your brand is suspended",
      text: "The carriers suspended your brand. Until Twilio Support lifts the suspension it cannot be changed or register new campaigns, its campaigns are suspended too and their numbers cannot be added or removed. Nothing to fix in your application: your provider is working with Twilio on it and will contact you.",
      wait: null,
      who: "staff",
    };
  if (facts.campaignSuspended)
    return {
      title: "Your campaign is suspended",
      text: "The carriers suspended your campaign: messages under it are blocked, and it cannot be changed or deleted, nor its numbers added or removed, until Twilio Support lifts the suspension. Your provider is working with Twilio on it and will contact you.",
      wait: null,
      who: "staff",
    };
  if (facts.vettingFailed && stage !== "brand-failed")
    return {
      title: "Your brand's secondary vetting did not pass",
      text: "The Campaign Registry registered your brand, but its secondary vetting failed: the reasons are below. Your provider checks your details against your tax registration and can appeal through Twilio Support for a manual re-vetting (a $10 fee); they will contact you.",
      wait: null,
      who: "staff",
    };
  if (facts.mockSoleProprietor && (stage === "brand-pending" || stage === "otp-pending"))
    return {
      title: "A test brand: no code and no campaign",
      text: "Your brand was registered as a Twilio mock brand, for testing. Twilio texts no one-time code for a mock Sole Proprietor brand and takes no campaign for it, so its registration ends here; your provider registers a real brand when you are ready to send.",
      wait: null,
      who: "none",
    };
  switch (stage) {
    case "draft":
      return {
        title: "Finish your application",
        text: "Fill in the four steps and send them for review. Your answers are saved as you type.",
        wait,
        who: "customer",
      };
    case "in-staff-review":
      return {
        title: "Our team reviews your details",
        text: "We check them before anything goes to Twilio, and email you if something needs to change.",
        wait,
        who: "staff",
      };
    case "changes-requested":
      return {
        title: "Fix the fields marked for you",
        text: "Open each link below, correct the field, then send the application again.",
        wait,
        who: "customer",
      };
    case "provisioning":
      return {
        title: "We are registering you at Twilio",
        text: "Your business profile, A2P profile, brand and messaging service are being created.",
        wait,
        who: "twilio",
      };
    case "provisioning-failed":
      return {
        title: "Our team is looking into it",
        text: "Twilio refused one of the registration steps. We will fix it or tell you what to change.",
        wait,
        who: "staff",
      };
    case "profile-in-review":
      return {
        title: "Twilio reviews your business profile",
        text: "Trust Hub checks your business details. Nothing to do unless we email you.",
        wait,
        who: "twilio",
      };
    case "profile-rejected":
      return {
        title: "Correct your business details",
        text: "Twilio could not approve your profile. See the reasons below; our team will help you resubmit.",
        wait,
        who: "customer",
      };
    case "brand-pending":
      return {
        title: "The Campaign Registry reviews your brand",
        text: "Your brand is registered and being verified. Nothing to do unless we email you.",
        wait,
        who: "twilio",
      };
    case "otp-pending":
      return {
        title: "Reply to the text on your mobile phone",
        text: "Your brand is approved, and Twilio has texted your mobile number from +1 (915) 278-2000 asking you to confirm: reply YES within 24 hours to verify your brand. If the text expired, send a new one from the card above.",
        wait,
        who: "customer",
      };
    case "email-2fa-pending":
      return {
        title: "Click the link in the verification email",
        text: "The Campaign Registry emailed a link to your brand contact address (Authentication+). Click it within 7 days; until then your campaign cannot start. We can send the email again.",
        wait,
        who: "customer",
      };
    case "brand-failed":
      return {
        title: "Check the details of your brand",
        text: "The Campaign Registry could not verify your brand. The reasons and the fields concerned are below: fix them in your application and send it again, and we resubmit the same brand.",
        wait,
        who: "customer",
      };
    case "brand-approved":
      return {
        title: "Your brand is approved",
        text: "Next comes your messaging campaign: what you send and how people opt in. Open it from the Messaging campaign card.",
        wait: "campaign vetting usually takes two to three weeks",
        who: "none",
      };
    case "campaign-pending":
      return {
        title: "Your campaign is being vetted",
        text: "Carriers review what you will send. Nothing to do unless we email you.",
        wait,
        who: "twilio",
      };
    case "campaign-failed":
      return {
        title: "Your campaign needs changes",
        text: "The campaign was not accepted. The reasons are next to the fields of your campaign: fix them and send it again.",
        wait,
        who: "customer",
      };
    case "campaign-verified":
      return {
        title: "You are ready to send",
        text: "Your brand and campaign are approved: messages from your numbers reach US phones.",
        wait: null,
        who: "none",
      };
  }
}

import { campaignSamples } from "@/lib/campaign/limits";
import type { Campaign } from "@/lib/campaign/schema";

/**
 * Advice before anyone pays a campaign vetting fee: the common reasons The Campaign Registry
 * rejects a campaign, each tied to the Twilio error code it prevents (Twilio's error dictionary:
 * 30893 sample messages — brand name, opt-out language, [bracketed] placeholders, fit with the use
 * case; 30889 embedded phone numbers or links declared but not in the samples, or the reverse;
 * 30896 opt-in / message flow; 30882 terms and privacy pages). Pure: the same findings on the
 * customer's form, on the staff review, and in the unit tests' table of good and bad examples.
 * Findings are advice that staff may override with a recorded reason; the hard limits are in the
 * campaign schema and block.
 */
export type FindingRule =
  | "samples-name-brand"
  | "samples-opt-out"
  | "samples-placeholders"
  | "samples-fit-use-case"
  | "links-declared-not-shown"
  | "links-shown-not-declared"
  | "phone-declared-not-shown"
  | "phone-shown-not-declared"
  | "flow-where-consent"
  | "flow-rates"
  | "flow-frequency"
  | "flow-help"
  | "urls-https";

export type Finding = { rule: FindingRule; field: string; code: number; message: string };

export type ReviewContext = { brandName: string; useCase: string };

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+\.(?:com|net|org|io|co|us|info|biz|app)(?:\/[^\s]*)?\b/i;
const PHONE_PATTERN = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;
const OPT_OUT_PATTERN = /\b(?:stop|unsubscribe|opt[\s-]?out|cancel)\b/i;
// Placeholders written as {{name}}, {name}, <name>, $name or %name% instead of [name].
const LOOSE_PLACEHOLDER = /\{\{?\s*[\w .-]+\s*\}?\}|<\s*[\w .-]+\s*>|\$[A-Za-z_]\w*|%[\w .-]+%/;
const PROMOTIONAL = /\b(?:sale|\d+\s*% off|discount|promo(?:tion)?|coupon|deal|offer)\b/i;
const CONSENT_PLACE =
  /\b(?:website|web ?site|online|form|checkout|sign[\s-]?up|app|in[\s-]?store|keyword|paper|verbal|account|portal)\b|\btext(?:s|ing)?\b.*\bto\b|https?:\/\/|www\./i;
const RATES = /\b(?:msg|message)s?\s*(?:&|and)\s*data rates\b|\brates may apply\b/i;
const CODE_LIKE = /\b\d{4,8}\b|\[(?:code|otp|pin)[^\]]*\]/i;

/** The brand's name without legal suffixes, as customers would recognise it in a message. */
function brandWords(brandName: string): string {
  return brandName
    .replace(/[,.]/g, " ")
    .replace(/\b(?:inc|llc|ltd|corp|corporation|co|company|plc|lp|llp)\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const sampleField = (index: number) => `sample${index + 1}`;

export function reviewCampaign(campaign: Campaign, context: ReviewContext): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: FindingRule, field: string, code: number, message: string) =>
    findings.push({ rule, field, code, message });
  const samples = campaignSamples(campaign);
  const brand = brandWords(context.brandName);

  if (brand && !samples.some((sample) => sample.toLowerCase().includes(brand)))
    add(
      "samples-name-brand",
      "sample1",
      30893,
      `Name your business in at least one sample, as recipients will see it (for example "${context.brandName}: your order has shipped").`,
    );
  if (!samples.some((sample) => OPT_OUT_PATTERN.test(sample)))
    add(
      "samples-opt-out",
      "sample1",
      30893,
      'Add opt-out language to at least one sample, such as "Reply STOP to opt out."',
    );
  samples.forEach((sample, index) => {
    if (LOOSE_PLACEHOLDER.test(sample))
      add(
        "samples-placeholders",
        sampleField(index),
        30893,
        "Write the parts that change in [square brackets], such as [first name] or [order number].",
      );
  });

  const useCase = context.useCase.toUpperCase();
  const promotional = samples.findIndex((sample) => PROMOTIONAL.test(sample));
  if (promotional >= 0 && !["MARKETING", "MIXED", "LOW_VOLUME", "SOLE_PROPRIETOR"].includes(useCase))
    add(
      "samples-fit-use-case",
      sampleField(promotional),
      30893,
      "This sample promotes an offer, which the chosen use case does not cover: choose Marketing or Mixed, or remove the offer.",
    );
  if (useCase === "2FA" && !samples.some((sample) => CODE_LIKE.test(sample)))
    add(
      "samples-fit-use-case",
      "sample1",
      30893,
      'Two-factor samples show the code being sent, such as "Your Acme code is [code]".',
    );

  const withLink = samples.findIndex((sample) => URL_PATTERN.test(sample));
  if (campaign.hasEmbeddedLinks && withLink < 0)
    add(
      "links-declared-not-shown",
      "hasEmbeddedLinks",
      30889,
      "You said messages contain links: show one in a sample, or untick it.",
    );
  if (!campaign.hasEmbeddedLinks && withLink >= 0)
    add(
      "links-shown-not-declared",
      sampleField(withLink),
      30889,
      'This sample contains a link: tick "Embedded links", or remove the link.',
    );
  const withPhone = samples.findIndex((sample) => PHONE_PATTERN.test(sample));
  if (campaign.hasEmbeddedPhone && withPhone < 0)
    add(
      "phone-declared-not-shown",
      "hasEmbeddedPhone",
      30889,
      "You said messages contain phone numbers: show one in a sample, or untick it.",
    );
  if (!campaign.hasEmbeddedPhone && withPhone >= 0)
    add(
      "phone-shown-not-declared",
      sampleField(withPhone),
      30889,
      'This sample contains a phone number: tick "Embedded phone numbers", or remove it.',
    );

  const flow = campaign.messageFlow;
  if (!CONSENT_PLACE.test(flow))
    add(
      "flow-where-consent",
      "messageFlow",
      30896,
      "Say where and how people agree to receive messages: the web page or form (with its address), the keyword they text, or the paper form.",
    );
  if (!RATES.test(flow))
    add("flow-rates", "messageFlow", 30896, 'Tell people that "Message and data rates may apply."');
  if (
    !/\bfrequency\b|\bvar(?:y|ies)\b|\brecurring\b|\b\d+\s*(?:msgs?|messages?)\s*(?:per|\/|a|each)\s*(?:day|week|month)\b/i.test(
      flow,
    )
  )
    add(
      "flow-frequency",
      "messageFlow",
      30896,
      'Say how often messages come, such as "Message frequency varies" or "up to 4 messages a month".',
    );
  if (!/\bhelp\b/i.test(flow))
    add("flow-help", "messageFlow", 30896, 'Say how to get help, such as "Reply HELP for help."');

  for (const field of ["privacyPolicyUrl", "termsAndConditionsUrl"] as const)
    if (/^http:\/\//i.test(campaign[field]))
      add("urls-https", field, 30882, "Give the page's https address: reviewers open it and expect a secure page.");
  samples.forEach((sample, index) => {
    if (/\bhttp:\/\//i.test(sample))
      add("urls-https", sampleField(index), 30893, "Use an https link in messages: carriers filter plain http links.");
  });
  return findings;
}

/**
 * What each billable Twilio call costs the ISV, in one table with the source and date of each
 * figure (../shared/notes/live-twilio.md §8). Twilio does not publish current prices in one place:
 * staff see these as estimates before a billable call, and each customer's page totals them.
 */
export type BillableEvent =
  | "brand_registration"
  | "secondary_vetting"
  | "authentication_plus"
  | "campaign_vetting"
  | "campaign_monthly"
  | "campaign_monthly_sole_proprietor";

export type Fee = {
  event: BillableEvent;
  label: string;
  amountUsd: number;
  /** `once`, or `monthly` while the campaign is registered. */
  recurrence: "once" | "monthly";
  source: string;
  asOf: string;
};

export const TWILIO_FEES: Record<BillableEvent, Fee> = {
  brand_registration: {
    event: "brand_registration",
    label: "Brand registration",
    amountUsd: 4,
    recurrence: "once",
    source: "Twilio support FAQ 11587910480155",
    asOf: "2023-01",
  },
  secondary_vetting: {
    event: "secondary_vetting",
    label: "Standard brand secondary vetting",
    amountUsd: 40,
    recurrence: "once",
    source: "Twilio support FAQ 11587910480155 (2021: $44 with the brand, FAQ 4403988619163)",
    asOf: "2023-01",
  },
  authentication_plus: {
    event: "authentication_plus",
    label: "Authentication+ (public companies)",
    amountUsd: 12.5,
    recurrence: "once",
    source: "Twilio support 29499398652059 (TCR fee, each time it completes)",
    asOf: "2024-10",
  },
  campaign_vetting: {
    event: "campaign_vetting",
    label: "Campaign vetting",
    amountUsd: 15,
    recurrence: "once",
    source: "Twilio support FAQ 11587910480155 (per external vetting; more on resubmission)",
    asOf: "2023-01",
  },
  campaign_monthly: {
    event: "campaign_monthly",
    label: "Campaign (monthly, by use case; up to $10)",
    amountUsd: 1.5,
    recurrence: "monthly",
    source: "Twilio support FAQ 11587910480155 ($1.50–$10 by use case)",
    asOf: "2023-01",
  },
  campaign_monthly_sole_proprietor: {
    event: "campaign_monthly_sole_proprietor",
    label: "Sole proprietor campaign (monthly)",
    amountUsd: 2,
    recurrence: "monthly",
    source: "Twilio support FAQ 11587910480155",
    asOf: "2023-01",
  },
};

/** One-time fees of the events that happened, summed (monthly fees are shown apart). */
export function oneTimeTotalUsd(events: BillableEvent[]): number {
  return events
    .map((event) => TWILIO_FEES[event])
    .filter((fee) => fee.recurrence === "once")
    .reduce((total, fee) => total + fee.amountUsd, 0);
}

/**
 * The fees a brand registration incurs: the registration, and secondary vetting unless the brand
 * skips it (Low-Volume Standard, Sole Proprietor).
 */
export function brandRegistrationFees(withoutSecondaryVetting: boolean): Fee[] {
  return withoutSecondaryVetting
    ? [TWILIO_FEES.brand_registration]
    : [TWILIO_FEES.brand_registration, TWILIO_FEES.secondary_vetting];
}

/**
 * The fees an approved campaign incurs at Twilio: a new campaign is vetted and then billed monthly;
 * an update of a failed one is vetted again (the monthly fee already runs); a replaced one (a new
 * use case) is a new campaign.
 */
export function campaignApprovalFees(kind: "create" | "update" | "replace", useCase = ""): Fee[] {
  return kind === "update"
    ? [TWILIO_FEES.campaign_vetting]
    : [TWILIO_FEES.campaign_vetting, monthlyCampaignFee(useCase)];
}

/** The monthly campaign fee: $2 for a Sole Proprietor campaign, else from $1.50 by use case. */
export function monthlyCampaignFee(useCase: string): Fee {
  return useCase === "SOLE_PROPRIETOR" ? TWILIO_FEES.campaign_monthly_sole_proprietor : TWILIO_FEES.campaign_monthly;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { campaignStatusLabel } from "@/lib/dashboard/status-labels";
import type { CustomerCampaignSummary } from "@/lib/server/campaigns/customer-campaign";

/** The campaign step on the customer's home: open once the brand is approved, with what to do next. */
export function CampaignCard({ campaign }: { campaign: CustomerCampaignSummary }) {
  const twilio = campaign.twilioStatus?.toUpperCase() ?? null;
  const { text, link, primary } =
    campaign.status === "CHANGES_REQUESTED"
      ? {
          text: "Your campaign needs a few changes. The reasons are next to the fields concerned.",
          link: "Fix your campaign",
          primary: true,
        }
      : campaign.status === "SUBMITTED"
        ? {
            text: "Sent for review. Our team checks it before it goes to Twilio.",
            link: "View your campaign",
            primary: false,
          }
        : campaign.status === "APPROVED"
          ? {
              text:
                twilio === "VERIFIED"
                  ? "Your campaign is verified: your sender numbers can message US phones."
                  : `Approved by our team and registered with Twilio. Status: ${twilio ? campaignStatusLabel(twilio) : "being registered"}.`,
              link: "View your campaign",
              primary: false,
            }
          : {
              text: "Your brand is approved. Now describe your messaging campaign: what you send and how people opt in.",
              link: campaign.written ? "Continue your campaign" : "Write your campaign",
              primary: true,
            };
  return (
    <Card title="Messaging campaign">
      <p className="text-sm text-slate-700" data-testid="campaign-summary">
        {text}
      </p>
      <div className="mt-4">
        <Link href="/campaign" className={buttonClasses(primary ? "primary" : "secondary")}>
          {link}
        </Link>
      </div>
    </Card>
  );
}

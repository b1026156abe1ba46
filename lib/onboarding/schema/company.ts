import { z } from "zod";

import { isFreeMail } from "./free-mail";
import { BRAND_TYPE_VALUES, COMPANY_TYPE_VALUES, STOCK_EXCHANGES } from "./options";

/** Step 4: company type (Twilio's us_a2p_messaging_profile_information) and brand type. */
export const companySchema = z
  .object({
    companyType: z.enum(COMPANY_TYPE_VALUES as [string, ...string[]], { error: "Choose your company type." }),
    stockExchange: z.string().optional().default(""),
    stockTicker: z.string().trim().toUpperCase().optional().default(""),
    brandContactEmail: z.string().trim().optional().default(""),
    brandType: z.enum(BRAND_TYPE_VALUES as [string, ...string[]], { error: "Choose a brand type." }),
  })
  .superRefine((company, ctx) => {
    if (company.companyType === "public") {
      if (!STOCK_EXCHANGES.includes(company.stockExchange as never) || company.stockExchange === "NONE") {
        ctx.addIssue({
          code: "custom",
          path: ["stockExchange"],
          message: "Choose the stock exchange your shares trade on.",
        });
      }
      if (!/^[A-Z0-9.\-]{1,10}$/.test(company.stockTicker))
        ctx.addIssue({ code: "custom", path: ["stockTicker"], message: "Enter your stock ticker, like ACME." });
      if (!z.email().safeParse(company.brandContactEmail).success) {
        ctx.addIssue({
          code: "custom",
          path: ["brandContactEmail"],
          message: "Enter the email address that will confirm your brand (a verification email is sent there).",
        });
      } else if (isFreeMail(company.brandContactEmail)) {
        // Authentication+ (public companies): TCR's 2FA email goes to an address on the company's domain.
        ctx.addIssue({
          code: "custom",
          path: ["brandContactEmail"],
          message:
            "Use an address on your company's own domain (like ir@yourcompany.com): The Campaign Registry refuses free email providers for public companies.",
        });
      }
    } else if (company.brandContactEmail && !z.email().safeParse(company.brandContactEmail).success) {
      ctx.addIssue({
        code: "custom",
        path: ["brandContactEmail"],
        message: "Enter an email address like name@company.com.",
      });
    }
  })
  // Stock details only mean something for public companies; they are not sent otherwise.
  .transform((company) =>
    company.companyType === "public" ? company : { ...company, stockExchange: "", stockTicker: "" },
  );

export type Company = z.output<typeof companySchema>;

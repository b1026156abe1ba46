import { z } from "zod";

/** The number forms' inputs, shared by the forms and the server actions that take them. */
const organizationId = z.string().min(1);

/** NANP toll-free prefixes (Twilio's toll-free verification resource reference). */
export const TOLL_FREE_PREFIXES = ["800", "833", "844", "855", "866", "877", "888"] as const;

/** Whether an E.164 number is a NANP toll-free number (what Twilio's toll-free verification takes). */
export const isTollFreeNumber = (phoneNumber: string) =>
  /^\+1\d{10}$/.test(phoneNumber) && (TOLL_FREE_PREFIXES as readonly string[]).includes(phoneNumber.slice(2, 5));

/**
 * A local search takes an area code; a toll-free search a toll-free prefix, or none for any.
 * Each message stays next to the area code field.
 */
export const searchNumbersSchema = z
  .object({
    organizationId,
    kind: z.enum(["local", "toll-free"]).optional().default("local"),
    areaCode: z.string().trim().optional().default(""),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "local" && !/^[2-9]\d{2}$/.test(input.areaCode))
      ctx.addIssue({ code: "custom", path: ["areaCode"], message: "Enter a three-digit US area code, such as 415." });
    if (
      input.kind === "toll-free" &&
      input.areaCode &&
      !(TOLL_FREE_PREFIXES as readonly string[]).includes(input.areaCode)
    )
      ctx.addIssue({
        code: "custom",
        path: ["areaCode"],
        message: `Enter a toll-free prefix (${TOLL_FREE_PREFIXES.join(", ")}), or leave it empty for any.`,
      });
  });

export const buyNumberSchema = z.object({
  organizationId,
  phoneNumber: z.string().regex(/^\+1[2-9]\d{9}$/, "Choose one of the numbers found."),
});

export const assignNumberSchema = z.object({
  organizationId,
  phoneNumberSid: z.string().regex(/^PN[0-9a-fA-F]{32}$/, "Choose one of your account's numbers."),
});

/** A number on offer, with the price shown before buying. */
export type NumberOffer = { phoneNumber: string; friendlyName: string; place: string | null };
export type NumberSearchResult = {
  areaCode: string;
  kind: "local" | "toll-free";
  offers: NumberOffer[];
  /** e.g. "1.15 USD a month"; null when Twilio's price could not be read (buying is then refused). */
  monthlyPrice: string | null;
};
export type OwnedNumberView = { phoneNumberSid: string; phoneNumber: string };

import { z } from "zod";

/** The number forms' inputs, shared by the forms and the server actions that take them. */
const organizationId = z.string().min(1);

export const searchNumbersSchema = z.object({
  organizationId,
  areaCode: z
    .string()
    .trim()
    .regex(/^[2-9]\d{2}$/, "Enter a three-digit US area code, such as 415."),
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
  offers: NumberOffer[];
  /** e.g. "1.15 USD a month"; null when Twilio's price could not be read (buying is then refused). */
  monthlyPrice: string | null;
};
export type OwnedNumberView = { phoneNumberSid: string; phoneNumber: string };

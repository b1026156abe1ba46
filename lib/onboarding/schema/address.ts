import { z } from "zod";

import { COUNTRY_CODES, isPoBox, postalCodeProblem, regionsOf } from "./geo";

const PO_BOX = "PO boxes are not accepted: enter the street address where your business is located.";

/**
 * Step 3: the business's address (Twilio's Address resource). A business registration needs the
 * physical address of its headquarters (seed 001: no PO box); a Sole Proprietor's address "can be a
 * PO Box" (Twilio's Sole Proprietor walkthrough, the table of required information).
 */
function addressSchemaWith(rules: { poBoxAllowed: boolean }) {
  const street = (text: string) => rules.poBoxAllowed || !isPoBox(text);
  return z
    .object({
      customerName: z
        .string()
        .trim()
        .min(1, "Enter the business name as it appears on the address.")
        .max(255, "Use at most 255 characters."),
      street: z
        .string()
        .trim()
        .min(1, "Enter the street address.")
        .max(255, "Use at most 255 characters.")
        .refine(street, PO_BOX),
      streetSecondary: z
        .string()
        .trim()
        .max(255, "Use at most 255 characters.")
        .refine(street, PO_BOX)
        .optional()
        .default(""),
      city: z.string().trim().min(1, "Enter the city.").max(100, "Use at most 100 characters."),
      region: z.string().trim().min(1, "Enter the state, province or region.").max(100, "Use at most 100 characters."),
      postalCode: z.string().trim().min(1, "Enter the postal code."),
      country: z.string().refine((code) => COUNTRY_CODES.includes(code), "Choose a country."),
    })
    .superRefine((address, ctx) => {
      const regions = regionsOf(address.country);
      if (regions && address.region && !regions.some(([code]) => code === address.region)) {
        ctx.addIssue({
          code: "custom",
          path: ["region"],
          message: address.country === "US" ? "Choose a state." : "Choose a province or territory.",
        });
      }
      const problem = address.postalCode ? postalCodeProblem(address.country, address.postalCode) : null;
      if (problem) ctx.addIssue({ code: "custom", path: ["postalCode"], message: problem });
    })
    .transform((address) => ({
      ...address,
      postalCode: address.country === "CA" ? address.postalCode.toUpperCase() : address.postalCode,
    }));
}

/** A Standard brand's address: the physical headquarters, never a PO box. */
export const addressSchema = addressSchemaWith({ poBoxAllowed: false });
/** A Sole Proprietor's address: a PO box is fine. */
export const soleProprietorAddressSchema = addressSchemaWith({ poBoxAllowed: true });

export type Address = z.output<typeof addressSchema>;

import { z } from "zod";

import { weakPasswordReason } from "@/lib/auth/password-strength";

import { PASSWORD_MIN_LENGTH } from "./password-rules";

/** Reusable fields with the messages people see next to them. */
export const emailField = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(320, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@company.com."))
  .transform((email) => email.toLowerCase());

export { PASSWORD_MIN_LENGTH };

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  // bcrypt reads 72 bytes at most: refuse rather than silently ignore the rest.
  .refine((value) => new TextEncoder().encode(value).length <= 72, "Use at most 72 characters.")
  .superRefine((value, ctx) => {
    // One message at a time: the weakness is told once the length is right.
    const rightLength = value.length >= PASSWORD_MIN_LENGTH && new TextEncoder().encode(value).length <= 72;
    const weak = rightLength ? weakPasswordReason(value) : null;
    if (weak) ctx.addIssue({ code: "custom", message: weak });
  });

export const personNameField = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

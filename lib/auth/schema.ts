import { z } from "zod";

import { emailField, newPasswordField, personNameField } from "../forms/fields";

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
});

const passwordsMatch = {
  check: (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword,
  params: { path: ["confirmPassword"], message: "The two passwords do not match." },
};

export const acceptInvitationSchema = z
  .object({ token: z.string().min(1), name: personNameField, password: newPasswordField, confirmPassword: z.string() })
  .refine(passwordsMatch.check, passwordsMatch.params);

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1), password: newPasswordField, confirmPassword: z.string() })
  .refine(passwordsMatch.check, passwordsMatch.params);

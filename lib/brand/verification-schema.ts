import { z } from "zod";

/** "Send the code again" / "Send the email again": which application's brand. */
export const resendVerificationSchema = z.object({ applicationId: z.string().min(1) });

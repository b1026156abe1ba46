import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type OutboxMail = { to: string; subject: string; text: string };

/** The mails this test file's portal wrote into its MAIL_OUTBOX_DIR. */
export function mailOutbox(dir = process.env.MAIL_OUTBOX_DIR!) {
  const all = (): OutboxMail[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as OutboxMail)
      : [];
  return { all, count: (to: string) => all().filter((mail) => mail.to === to).length };
}

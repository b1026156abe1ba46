import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

import { E2E } from "./e2e-env";

/**
 * A local SMTP server for the browser tests: the portal runs in production mode, where it sends
 * mail only by SMTP (MAIL_OUTBOX_DIR is refused there), so the tests receive it here, on this
 * machine only, and keep each message as a JSON file in the outbox folder the tests read.
 */
mkdirSync(E2E.outboxDir, { recursive: true });
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = [mail.to]
          .flat()
          .flatMap((address) => address?.value ?? [])
          .map((entry) => entry.address)
          .join(", ");
        mkdirSync(E2E.outboxDir, { recursive: true });
        writeFileSync(
          path.join(E2E.outboxDir, `${Date.now()}-${randomUUID()}.json`),
          JSON.stringify({ from: mail.from?.text, to, subject: mail.subject, text: mail.text ?? "" }, null, 2),
        );
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
server.listen(E2E.smtpPort, "127.0.0.1", () => console.info(`[smtp-sink] listening on 127.0.0.1:${E2E.smtpPort}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

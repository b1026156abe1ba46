import "server-only";

import type { ImportedCustomer } from "@/lib/customer-import/parse-customer-csv";

import { decryptField, encryptField, fieldContext } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { db } from "../db";

/** What a row keeps until it is done: the first user and the draft, encrypted for this row's place. */
export type ImportRowPayload = Omit<ImportedCustomer, "line" | "externalId">;

const place = (importId: string, line: number) => fieldContext("CustomerImport", importId, `line-${line}`);

export async function storeImportRows(importId: string, customers: ImportedCustomer[]): Promise<void> {
  const keyring = dataKeyring();
  for (let i = 0; i < customers.length; i += 500) {
    await db.customerImportRow.createMany({
      data: customers.slice(i, i + 500).map(({ line, externalId, ...payload }) => ({
        importId,
        line,
        externalId,
        payloadEncrypted: encryptField(JSON.stringify(payload), keyring, place(importId, line)),
      })),
    });
  }
}

export function readImportRow(row: { importId: string; line: number; payloadEncrypted: string }): ImportRowPayload {
  return JSON.parse(
    decryptField(row.payloadEncrypted, dataKeyring(), place(row.importId, row.line)),
  ) as ImportRowPayload;
}

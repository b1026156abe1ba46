import type { ProposedCustomer } from "./group";

/**
 * A customer an adoption scan found, as the staff page and the API show it: SIDs and statuses, never
 * the personal data (that stays encrypted in its candidate row), with what staff decided.
 */
export type AdoptionCustomerView = Omit<ProposedCustomer, "personal"> & {
  id: string;
  /** PROPOSED, CONFIRMED, ADOPTED, KNOWN, LEFT_OUT or FAILED (prisma/schema.prisma AdoptionCandidate). */
  state: string;
  decision: string | null;
  /** The organization it became (or already was), once brought in. */
  organizationId: string | null;
  error: string | null;
  match: { organizationId: string; name: string; by: string } | null;
};

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import { newSid, type SidPrefix } from "./sid";

/** What the sandbox keeps of each Twilio resource it serves. */
export type Kind =
  | "CustomerProfile"
  | "TrustProduct"
  | "EntityAssignment"
  | "Evaluation"
  | "ChannelEndpointAssignment"
  | "EndUser"
  | "SupportingDocument"
  | "Address"
  | "IncomingPhoneNumber"
  | "BrandRegistration"
  | "BrandVetting"
  | "Service"
  | "ServicePhoneNumber"
  | "Usa2p"
  | "Sink"
  | "Subscription"
  | "TollfreeVerification";

export type StoredResource = {
  sid: string;
  kind: Kind;
  accountSid: string;
  /** The resource this one lives under (a bundle for assignments, a brand for vettings, ...). */
  parentSid: string | null;
  createdAt: number;
  updatedAt: number;
  /** Twilio's own properties, snake_case, as the API returns them (minus url and links). */
  fields: Record<string, unknown>;
};

export type AccountRecord = {
  sid: string;
  authToken: string;
  parentSid: string | null;
  friendlyName: string;
  status: "active" | "suspended" | "closed";
  createdAt: number;
  updatedAt: number;
};

export type FeeType = "brand_registration" | "secondary_vetting" | "campaign_vetting" | "authentication_plus";
export type Fee = { accountSid: string; type: FeeType; resourceSid: string; amountUsd: number; at: string };

/** A status change that happens later, on the sandbox clock. */
export type Scheduled = { sid: string; at: number; step: string };

export type SandboxState = {
  version: 1;
  accounts: Record<string, AccountRecord>;
  resources: Record<string, StoredResource>;
  fees: Fee[];
  schedule: Scheduled[];
  clockOffsetMs: number;
  /** Brand and campaign creation times per account, for the one-per-second rule. */
  lastRateLimited: Record<string, number>;
};

export function emptyState(): SandboxState {
  return {
    version: 1,
    accounts: {},
    resources: {},
    fees: [],
    schedule: [],
    clockOffsetMs: 0,
    lastRateLimited: {},
  };
}

const PREFIX: Record<Kind, SidPrefix> = {
  CustomerProfile: "BU",
  TrustProduct: "BU",
  EntityAssignment: "BV",
  Evaluation: "EL",
  ChannelEndpointAssignment: "RA",
  EndUser: "IT",
  SupportingDocument: "RD",
  Address: "AD",
  IncomingPhoneNumber: "PN",
  BrandRegistration: "BN",
  BrandVetting: "VT",
  Service: "MG",
  ServicePhoneNumber: "PN",
  Usa2p: "QE",
  Sink: "DG",
  Subscription: "DF",
  TollfreeVerification: "HH",
};

/**
 * The sandbox's state, in memory, written to a JSON file after each change when a file is given
 * (so a demo survives a restart). Writes go to a temporary file first, then replace the old one.
 */
export class Store {
  state: SandboxState;
  private writeTimer: NodeJS.Timeout | null = null;

  constructor(private readonly file: string | null) {
    this.state = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SandboxState) : emptyState();
  }

  reset(): void {
    this.state = emptyState();
    this.changed();
  }

  create(
    kind: Kind,
    accountSid: string,
    fields: Record<string, unknown>,
    now: number,
    parentSid: string | null = null,
    sid?: string,
  ): StoredResource {
    const resource: StoredResource = {
      sid: sid ?? newSid(PREFIX[kind]),
      kind,
      accountSid,
      parentSid,
      createdAt: now,
      updatedAt: now,
      fields,
    };
    this.state.resources[resource.sid] = resource;
    this.changed();
    return resource;
  }

  get(sid: string, kind?: Kind): StoredResource | undefined {
    const resource = this.state.resources[sid];
    return resource && (!kind || resource.kind === kind) ? resource : undefined;
  }

  list(kind: Kind, predicate: (resource: StoredResource) => boolean = () => true): StoredResource[] {
    return Object.values(this.state.resources)
      .filter((resource) => resource.kind === kind && predicate(resource))
      .sort((a, b) => b.createdAt - a.createdAt || a.sid.localeCompare(b.sid));
  }

  update(resource: StoredResource, fields: Record<string, unknown>, now: number): StoredResource {
    Object.assign(resource.fields, fields);
    resource.updatedAt = now;
    this.changed();
    return resource;
  }

  delete(sid: string): void {
    delete this.state.resources[sid];
    this.changed();
  }

  /** Marks the state dirty: the file is rewritten shortly (changes in one tick share one write). */
  changed(): void {
    if (!this.file || this.writeTimer) return;
    this.writeTimer = setTimeout(() => this.flush(), 20);
  }

  flush(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, this.file);
  }
}

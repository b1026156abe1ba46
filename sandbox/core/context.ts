import type { Sandbox } from "../sandbox";
import type { Params } from "./form";
import type { AccountRecord } from "./store";

/** What a Twilio route handler gets: the sandbox, the authenticated account and the parameters. */
export type RequestContext = {
  sandbox: Sandbox;
  account: AccountRecord;
  method: string;
  pathname: string;
  body: Params;
  query: Params;
};

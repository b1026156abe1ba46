import { TwilioError } from "./core/errors";
import { ok, path, type Route } from "./core/router";
import { FAULT_WORDS, type Fault } from "./faults";
import { renderResource } from "./render-resource";
import type { Sandbox } from "./sandbox";

/** The /__sandbox/ control API: not part of Twilio, for demos and tests. Bodies are JSON. */
type ControlContext = { sandbox: Sandbox; body: Record<string, unknown> };

const bad = (message: string) => new TwilioError(400, 20001, message);

export const controlRoutes: Route<ControlContext>[] = [
  {
    method: "GET",
    pattern: path("/__sandbox/state"),
    handle: ({ sandbox }) => {
      sandbox.tick();
      return ok(sandbox.snapshot(renderResource));
    },
  },
  {
    method: "POST",
    pattern: path("/__sandbox/reset"),
    handle: ({ sandbox }) => {
      sandbox.reset();
      return ok({ reset: true });
    },
  },
  {
    // { "sid": "...", "outcome": "APPROVED" } moves one resource now; { "seconds": N } moves the clock.
    method: "POST",
    pattern: path("/__sandbox/advance"),
    handle: ({ sandbox, body }) => {
      if (typeof body.seconds === "number") {
        if (!(body.seconds >= 0)) throw bad("seconds must be 0 or more");
        sandbox.advanceClock(body.seconds);
        return ok({ now: new Date(sandbox.now()).toISOString() });
      }
      if (typeof body.sid !== "string" || typeof body.outcome !== "string")
        throw bad('Send {"sid", "outcome"} or {"seconds"}');
      const resource = sandbox.store.get(body.sid);
      if (!resource) throw new TwilioError(404, 20404, `No resource ${body.sid} in the sandbox`);
      sandbox.advanceResource(resource, body.outcome);
      return ok(renderResource(resource));
    },
  },
  {
    method: "POST",
    pattern: path("/__sandbox/faults"),
    handle: ({ sandbox, body }) => {
      const { method, path: faultPath, status, times } = body as Partial<Fault>;
      if (typeof method !== "string" || typeof faultPath !== "string") throw bad("method and path are required");
      if (!(typeof status === "number" || FAULT_WORDS.includes(status as never)))
        throw bad('status must be an HTTP status, "timeout", "reset", "timeout-after" or "reset-after"');
      const fault: Fault = {
        method: method.toUpperCase(),
        path: faultPath,
        status: status as Fault["status"],
        times: typeof times === "number" && times > 0 ? times : 1,
      };
      sandbox.faults.push(fault);
      return ok({ faults: sandbox.faults });
    },
  },
  {
    method: "GET",
    pattern: path("/__sandbox/faults"),
    handle: ({ sandbox }) => ok({ faults: sandbox.faults }),
  },
];

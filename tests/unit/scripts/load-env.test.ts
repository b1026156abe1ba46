import { describe, expect, it } from "vitest";

import { expandReferences, unpinOldDefaults } from "../../../scripts/load-env";

describe("the embedded mode's .env", () => {
  it("addresses follow PORT and SANDBOX_PORT, whichever way they are set", () => {
    const env = { PORT: "3001", SANDBOX_PORT: "4011" };
    expect(expandReferences("http://localhost:${PORT}", env)).toBe("http://localhost:3001");
    expect(expandReferences("http://127.0.0.1:${SANDBOX_PORT}", env)).toBe("http://127.0.0.1:4011");
    expect(expandReferences("${NOT_SET}x", env)).toBe("x");
  });

  it("the lines an older first run pinned to ports 3000 and 4010 follow the ports again; a chosen address stays", () => {
    const old = ["PORT=3000", 'APP_URL="http://localhost:3000"', 'TWILIO_SANDBOX_URL="http://127.0.0.1:4010"'].join(
      "\n",
    );
    expect(unpinOldDefaults(old)).toBe(
      ["PORT=3000", 'APP_URL="http://localhost:${PORT}"', 'TWILIO_SANDBOX_URL="http://127.0.0.1:${SANDBOX_PORT}"'].join(
        "\n",
      ),
    );
    const chosen = 'APP_URL="https://portal.isv.example"\nTWILIO_SANDBOX_URL=';
    expect(unpinOldDefaults(chosen)).toBe(chosen);
  });
});

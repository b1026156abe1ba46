import { describe, expect, it } from "vitest";

import { COUNTRY_NAMES } from "@/lib/onboarding/schema/country-names";
import { COUNTRIES, COUNTRY_CODES, countryName } from "@/lib/onboarding/schema/geo";

describe("the Country select's names", () => {
  it("name every accepted country code, and no other", () => {
    expect(Object.keys(COUNTRY_NAMES).sort()).toEqual([...COUNTRY_CODES].sort());
    expect(COUNTRIES.map((country) => country.code).sort()).toEqual([...COUNTRY_CODES].sort());
  });

  it("list the United States and Canada first, then the rest A–Z (accented names in their place)", () => {
    expect(COUNTRIES.slice(0, 2).map((country) => country.name)).toEqual(["United States", "Canada"]);
    const rest = COUNTRIES.slice(2).map((country) => country.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, "en")));
    expect(rest.indexOf("Åland Islands")).toBeLessThan(rest.indexOf("Albania"));
  });

  it("are fixed text, not the ICU of whatever runs them (the browser's differs from the server's)", () => {
    expect(countryName("FK")).toBe("Falkland Islands");
    expect(countryName("HK")).toBe("Hong Kong SAR China");
    expect(countryName("ZZ")).toBe("ZZ");
  });
});

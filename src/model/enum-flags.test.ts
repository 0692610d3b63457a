import { describe, expect, it } from "vitest";
import { authMechanismFromNumber, permissionGroupsFromNumber } from "./enum-flags";

describe("enum flags from ConvertTo-Json numbers", () => {
  it("reads the values of the serialized Exchange 2019 connector", () => {
    expect(authMechanismFromNumber(31)).toEqual([
      "Tls",
      "Integrated",
      "BasicAuth",
      "BasicAuthRequireTLS",
      "ExchangeServer",
    ]);
    expect(permissionGroupsFromNumber(14)).toEqual(["ExchangeUsers", "ExchangeServers", "ExchangeLegacyServers"]);
  });

  it("reads None and single flags", () => {
    expect(authMechanismFromNumber(0)).toEqual(["None"]);
    expect(authMechanismFromNumber(18)).toEqual(["Integrated", "ExchangeServer"]);
    expect(permissionGroupsFromNumber(1)).toEqual(["AnonymousUsers"]);
  });

  it("does not guess bits no source names", () => {
    expect(authMechanismFromNumber(33)).toBeUndefined();
    expect(permissionGroupsFromNumber(16)).toBeUndefined();
    expect(authMechanismFromNumber(-1)).toBeUndefined();
    expect(authMechanismFromNumber(1.5)).toBeUndefined();
  });
});

/**
 * Receive-connector enums as numbers, which is how ConvertTo-Json prints
 * them. Values read off a serialized Exchange 2019 object (CSS-Exchange
 * HealthChecker test data): AuthMechanism "Tls, Integrated, BasicAuth,
 * BasicAuthRequireTLS, ExchangeServer" = 31 and PermissionGroups
 * "ExchangeUsers, ExchangeServers, ExchangeLegacyServers" = 14. Bits no
 * source names are not guessed: a number using one reads as unknown.
 */
const AUTH_MECHANISM: readonly [number, string][] = [
  [1, "Tls"],
  [2, "Integrated"],
  [4, "BasicAuth"],
  [8, "BasicAuthRequireTLS"],
  [16, "ExchangeServer"],
];

const PERMISSION_GROUPS: readonly [number, string][] = [
  [1, "AnonymousUsers"],
  [2, "ExchangeUsers"],
  [4, "ExchangeServers"],
  [8, "ExchangeLegacyServers"],
];

function decode(value: number, table: readonly [number, string][], zero: string): string[] | undefined {
  if (!Number.isInteger(value) || value < 0) return undefined;
  if (value === 0) return [zero];
  const known = table.reduce((sum, [bit]) => sum | bit, 0);
  if ((value & ~known) !== 0) return undefined;
  return table.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
}

export function authMechanismFromNumber(value: number): string[] | undefined {
  return decode(value, AUTH_MECHANISM, "None");
}

export function permissionGroupsFromNumber(value: number): string[] | undefined {
  return decode(value, PERMISSION_GROUPS, "None");
}

/**
 * "What to paste next", worded as the admin types it. A server name is only
 * used with -Server when the evidence names an Exchange server (an event's
 * Computer); host names Exchange Online reports are DNS names, not servers.
 */

export function certificatesOf(server: string | undefined): string {
  return server ? `Get-ExchangeCertificate -Server ${server} | fl` : "Get-ExchangeCertificate | fl";
}

export function receiveConnectorsOf(server: string | undefined): string {
  return server ? `Get-ReceiveConnector -Server ${server} | fl` : "Get-ReceiveConnector | fl";
}

export function transportServiceOf(server: string | undefined): string {
  return `Get-TransportService${server ? ` ${server}` : ""} | fl Name,InternalTransportCertificateThumbprint`;
}

export const SEND_CONNECTORS = "Get-SendConnector | fl";
export const HYBRID_CONFIGURATION = "Get-HybridConfiguration | fl";

/** "A", "A and B", "A, B and C". */
export function both(...items: readonly string[]): string {
  const list = items.filter((i) => i !== "");
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

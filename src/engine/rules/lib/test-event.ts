/** An Application log event as Event Viewer's "Copy details as text" gives it, for rule tests. */
export function eventText(
  id: string,
  description: string,
  { source = "MSExchangeTransport", computer = "EX09.contoso.local" }: { source?: string; computer?: string } = {},
): string {
  return `Log Name:      Application
Source:        ${source}
Date:          3/2/2026 10:00:00 AM
Event ID:      ${id}
Task Category: TransportService
Level:         Error
Computer:      ${computer}
Description:
${description}
`;
}

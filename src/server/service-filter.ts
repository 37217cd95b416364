/**
 * A repeatable `service` query parameter as a store filter: one service is the plain equality
 * filter (an index lookup); several (an incident's services, the UI's chips) match any of them.
 */
export function serviceFilter(service: string | string[] | undefined): { service?: string; services?: readonly string[] } {
  if (service === undefined) return {};
  const names = [...new Set([service].flat())];
  return names.length === 1 ? { service: names[0] as string } : { services: names };
}

/** Notifications and on-call calls of the UI, on the shared request() of api.ts. */
import type {
  Channel,
  Delivery,
  EscalationPolicy,
  OnCallNowResponse,
  RoutingRule,
  Schedule,
  ShiftsResponse,
  User,
} from '../../src/core/notify-api.js';
import { request } from './api.js';

export type { Channel, Delivery, EscalationPolicy, OnCallNowResponse, RoutingRule, Schedule, ShiftsResponse, User };

export function onCallNow(signal?: AbortSignal): Promise<OnCallNowResponse> {
  return request('GET', '/oncall/now', { signal });
}

export function listSchedules(signal?: AbortSignal): Promise<{ items: Schedule[] }> {
  return request('GET', '/schedules', { signal });
}

export function scheduleShifts(id: string, fromMs: number, toMs: number, signal?: AbortSignal): Promise<ShiftsResponse> {
  const query = new URLSearchParams({ from: String(Math.floor(fromMs)), to: String(Math.ceil(toMs)) });
  return request('GET', `/schedules/${encodeURIComponent(id)}/shifts?${query.toString()}`, { signal });
}

export function listUsers(signal?: AbortSignal): Promise<{ items: User[] }> {
  return request('GET', '/users', { signal });
}

export function listPolicies(signal?: AbortSignal): Promise<{ items: EscalationPolicy[] }> {
  return request('GET', '/escalation-policies', { signal });
}

export function listChannels(signal?: AbortSignal): Promise<{ items: Channel[] }> {
  return request('GET', '/notifications/channels', { signal });
}

export function listRules(signal?: AbortSignal): Promise<{ items: RoutingRule[] }> {
  return request('GET', '/notifications/rules', { signal });
}

export function listDeliveries(signal?: AbortSignal): Promise<{ deliveries: Delivery[] }> {
  return request('GET', '/notifications/deliveries?limit=20', { signal });
}

export async function sendTest(channelId: string): Promise<Delivery> {
  const body = await request<{ delivery: Delivery }>('POST', `/notifications/channels/${encodeURIComponent(channelId)}/test`);
  return body.delivery;
}

/** The one retry loop for every channel: exponential backoff on retryable failures only. */
import { DeliveryError } from './channels/delivery-error.js';

export interface DeliveryOutcome {
  status: 'sent' | 'failed';
  attempts: number;
  error?: string;
}

export interface RetryOptions {
  retries: number;
  /** First wait; doubles per attempt, capped at 30 s. */
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export async function deliverWithRetry(send: () => Promise<void>, options: RetryOptions): Promise<DeliveryOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return { status: 'sent', attempts: attempt };
    } catch (error) {
      const retryable = error instanceof DeliveryError ? error.retryable : false;
      const message = error instanceof Error ? error.message : String(error);
      if (!retryable || attempt > options.retries) return { status: 'failed', attempts: attempt, error: message };
      await sleep(Math.min(options.backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS));
    }
  }
}

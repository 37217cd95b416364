/**
 * In-process bus: one FIFO per subscriber, handled one message at a time so each stage sees
 * its input in publish order (detectors and correlation depend on event order per key).
 */
import type { Bus, Handler, TopicName, Topics } from '../bus.js';

interface Subscriber {
  handle: (message: unknown) => void | Promise<void>;
  queue: unknown[];
  running: boolean;
}

export interface MemoryBusOptions {
  /** Called when a handler throws; the message is dropped from that subscriber only. */
  onError: (topic: TopicName, error: unknown) => void;
}

export class MemoryBus implements Bus {
  private readonly subscribers = new Map<TopicName, Subscriber[]>();
  private pending = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: MemoryBusOptions) {}

  publish<T extends TopicName>(topic: T, message: Topics[T]): void {
    for (const subscriber of this.subscribers.get(topic) ?? []) {
      subscriber.queue.push(message);
      this.pending += 1;
      if (!subscriber.running) void this.run(topic, subscriber);
    }
  }

  subscribe<T extends TopicName>(topic: T, handler: Handler<T>): () => void {
    const subscriber: Subscriber = {
      handle: handler as (message: unknown) => void | Promise<void>,
      queue: [],
      running: false,
    };
    const list = this.subscribers.get(topic) ?? [];
    list.push(subscriber);
    this.subscribers.set(topic, list);
    return () => {
      const current = this.subscribers.get(topic) ?? [];
      this.subscribers.set(
        topic,
        current.filter((s) => s !== subscriber),
      );
    };
  }

  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  backlog(): number {
    return this.pending;
  }

  private async run(topic: TopicName, subscriber: Subscriber): Promise<void> {
    subscriber.running = true;
    // Yield once so publish() returns before any handler runs: publishers never re-enter themselves.
    await Promise.resolve();
    while (subscriber.queue.length > 0) {
      const message = subscriber.queue.shift();
      try {
        await subscriber.handle(message);
      } catch (error) {
        this.options.onError(topic, error);
      }
      this.pending -= 1;
    }
    subscriber.running = false;
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

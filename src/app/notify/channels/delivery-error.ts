/** A failed send; `retryable` says whether trying again may help (timeouts, 5xx, 429, SMTP 4xx). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Every error opsloop reports to a client is defined once here: a code, an HTTP status and a
 * message template. docs/errors.md documents each code (a test checks that it does).
 */

export const ERROR_DEFINITIONS = {
  OPS_ERR_VALIDATION: { status: 400, message: 'Invalid request: %s' },
  OPS_ERR_BAD_PAYLOAD: { status: 400, message: 'Malformed payload: %s' },
  OPS_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type %s; expected %s' },
  OPS_ERR_BODY_TOO_LARGE: { status: 413, message: 'Request body exceeds the limit of %s bytes' },
  OPS_ERR_UNAUTHENTICATED: { status: 401, message: 'Authentication required: %s' },
  OPS_ERR_FORBIDDEN: { status: 403, message: 'Not allowed: %s' },
  OPS_ERR_NOT_FOUND: { status: 404, message: '%s not found' },
  OPS_ERR_CONFLICT: { status: 409, message: '%s' },
  OPS_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests: %s' },
  OPS_ERR_OVERLOADED: { status: 503, message: 'opsloop is overloaded (%s); retry later' },
  OPS_ERR_CONFIG: { status: 500, message: 'Invalid configuration: %s' },
  OPS_ERR_INTERNAL: { status: 500, message: 'Internal error; the server log has the details' },
} as const;

export type ErrorCode = keyof typeof ERROR_DEFINITIONS;

export class OpsError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, args: readonly string[], options?: { cause?: unknown }) {
    const definition = ERROR_DEFINITIONS[code];
    let index = 0;
    super(
      definition.message.replace(/%s/g, () => args[index++] ?? ''),
      options,
    );
    this.name = 'OpsError';
    this.code = code;
    this.status = definition.status;
  }
}

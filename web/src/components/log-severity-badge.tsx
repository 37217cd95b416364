import { severityName } from '../log-query.js';

/** A log's severity, coloured by its OTLP range (the text is what the service sent, when it sent one). */
export function LogSeverityBadge({ severityNumber, severityText }: { severityNumber: number; severityText: string }) {
  const name = severityName(severityNumber);
  return (
    <span className={`badge log-severity log-severity-${name}`} title={`OTLP severity number ${severityNumber}`}>
      {severityText || name}
    </span>
  );
}

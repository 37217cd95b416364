import { formatValue } from '../format.js';
import type { ResourceSizing, RightsizingResponse } from '../types.js';

const GIB = 2 ** 30;
const MIB = 2 ** 20;

/** Per instance: CPU and memory usage against request and limit, the recommendation and what it saves. */
export function RightsizingTable({ report }: { report: RightsizingResponse }) {
  const { totals } = report;
  return (
    <>
      <p className="muted" data-testid="rightsizing-totals">
        Following the recommendations frees {formatValue(totals.cpuSavingsCores)} of {formatValue(totals.cpuRequestedCores)} requested cores and{' '}
        {formatBytes(totals.memorySavingsBytes)} of {formatBytes(totals.memoryRequestedBytes)} requested memory (request = p95 × {report.headroom}, limit = max × {report.headroom}).
      </p>
      <table className="table" data-testid="rightsizing-table">
        <thead>
          <tr>
            <th>Service</th>
            <th>Instance</th>
            <th>Resource</th>
            <th className="num">p50</th>
            <th className="num">p95</th>
            <th className="num">max</th>
            <th className="num">Request</th>
            <th className="num">Limit</th>
            <th className="num">Recommended request</th>
            <th className="num">Recommended limit</th>
            <th className="num">Savings</th>
            <th>Flags</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.flatMap((row) =>
            (['cpu', 'memory'] as const).flatMap((resource) => {
              const sizing = row[resource];
              return sizing ? [<SizingRow key={`${row.service}/${row.instance}/${resource}`} service={row.service} instance={row.instance} resource={resource} sizing={sizing} />] : [];
            }),
          )}
        </tbody>
      </table>
    </>
  );
}

function SizingRow({ service, instance, resource, sizing }: { service: string; instance: string; resource: 'cpu' | 'memory'; sizing: ResourceSizing }) {
  const amount = resource === 'cpu' ? (cores: number) => `${formatValue(cores)} cores` : formatBytes;
  const optional = (value: number | undefined) => (value === undefined ? '—' : amount(value));
  return (
    <tr data-testid="rightsizing-row">
      <td>{service}</td>
      <td>{instance}</td>
      <td>{resource === 'cpu' ? 'CPU' : 'memory'}</td>
      <td className="num">{amount(sizing.usage.p50)}</td>
      <td className="num">{amount(sizing.usage.p95)}</td>
      <td className="num">{amount(sizing.usage.max)}</td>
      <td className="num">{optional(sizing.request)}</td>
      <td className="num">{optional(sizing.limit)}</td>
      <td className="num">{amount(sizing.recommendedRequest)}</td>
      <td className="num">{amount(sizing.recommendedLimit)}</td>
      <td className="num">
        {sizing.request === undefined ? '—' : `${amount(sizing.savings)}${sizing.savingsShare === undefined ? '' : ` (${Math.round(sizing.savingsShare * 100)} %)`}`}
      </td>
      <td>
        {sizing.flags.map((flag) => (
          <span key={flag} className={`badge sizing-${flag}`}>
            {flag}
          </span>
        ))}
      </td>
    </tr>
  );
}

function formatBytes(bytes: number): string {
  if (Math.abs(bytes) >= GIB) return `${formatValue(bytes / GIB)} GiB`;
  return `${formatValue(bytes / MIB)} MiB`;
}

import type { LogPatternDetailResponse } from '../types.js';
import { Notice } from './notice.js';

type Parameters = LogPatternDetailResponse['parameters'];

/** What each <*> of a template held in its newest lines: the most frequent values and how many differ. */
export function PatternParameters({ parameters, linesExamined }: { parameters: Parameters; linesExamined: number }) {
  if (parameters.length === 0) {
    return <Notice kind="empty" title="No parameters">Every line of this pattern is the same text.</Notice>;
  }
  return (
    <>
      <table className="table" data-testid="pattern-parameters">
        <thead>
          <tr>
            <th>Parameter</th>
            <th className="num">Distinct</th>
            <th>Most frequent values</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((parameter) => (
            <tr key={parameter.position}>
              <td>
                <mark className="param mono">
                  {'<*>'}
                  <sub>{parameter.position + 1}</sub>
                </mark>
              </td>
              <td className="num">{parameter.distinct}</td>
              <td className="value-chips">
                {parameter.values.map((value) => (
                  <span key={value.value} className="chip mono" title={`${value.count} of ${linesExamined} lines`}>
                    {value.value === '' ? <span className="muted">(empty)</span> : value.value} <span className="muted">×{value.count}</span>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">From the {linesExamined} newest lines of the pattern.</p>
    </>
  );
}

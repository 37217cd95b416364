import { formatScore } from '../format.js';
import { featureBars, scoreVerdict, wasScored, type Correlation } from '../grouping.js';
import { ScoreBar } from './score-bar.js';

/** Why an alert is in its incident: the correlator's own sentence, the score against the threshold, the features and any rule. */
export function WhyGrouped({ correlation }: { correlation: Correlation }) {
  return (
    <div className="why-grouped" data-testid="why-grouped">
      <div className="why-line">
        <span className={`chip outcome-${correlation.outcome}`}>{correlation.outcome}</span>
        <span className="why-reason" data-testid="why-reason">
          {correlation.reason}
        </span>
        {correlation.rule ? (
          <span className="chip" title="The configured rule that forced or vetoed the join">
            rule: {correlation.rule}
          </span>
        ) : null}
      </div>
      {wasScored(correlation) ? (
        <div className="why-line small">
          <span className="muted">score</span>
          <ScoreBar score={correlation.score} />
          <span className="muted nowrap" title="Joins at or above the threshold unless a rule decides">
            {scoreVerdict(correlation)}
          </span>
          {featureBars(correlation).map((feature) => (
            <span key={feature.name} className="feature" title={`${feature.name} ${formatScore(feature.value)}: ${feature.hint}`}>
              <span className="muted">{feature.name}</span>
              <span className="feature-track">
                <span className="feature-fill" style={{ width: `${feature.widthPct}%` }} />
              </span>
              <span className="feature-value">{formatScore(feature.value)}</span>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

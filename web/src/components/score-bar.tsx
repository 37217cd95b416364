import { formatScore } from '../format.js';

/** Score in 0..1 as a bar plus the number, so ranks compare at a glance and exactly. */
export function ScoreBar({ score }: { score: number }) {
  const clamped = Math.min(1, Math.max(0, score));
  return (
    <span className="score" title={`score ${formatScore(score)}`}>
      <span className="score-track">
        <span className="score-fill" style={{ width: `${clamped * 100}%` }} />
      </span>
      <span className="score-value">{formatScore(score)}</span>
    </span>
  );
}

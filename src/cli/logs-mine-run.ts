/**
 * The loop of `opsloop logs mine`: lines from the input, the message cut out of each by the
 * header format, into one TemplateMiner. One line at a time, so memory is what the miner holds
 * (bounded by its maxTemplates) plus one line, whatever the size of the input.
 */
import { lineContent, type LineFormat, type TemplateMiner } from '../observe/logs/index.js';
import { LineTally } from './line-tally.js';
import type { LogInput } from './logs-input.js';
import { readLogLines } from './logs-line-reader.js';
import { TemplateSamples } from './logs-template-samples.js';
import type { Progress } from './progress-bar.js';

export interface MineRun {
  input: LogInput;
  /** The `--format` header; without one the whole line is the message. */
  format: LineFormat | undefined;
  miner: TemplateMiner;
  progress: Progress;
}

export interface MineOutcome {
  lines: number;
  /** Non-blank lines whose header did not fit the format: mined whole. */
  unmatched: LineTally;
  invalidUtf8: LineTally;
  samples: TemplateSamples;
}

/**
 * Bytes of a line kept; the rest is read and dropped. The miner reads only the first
 * `maxLineLength` (16,384) characters of a message, so a longer line is counted as truncated
 * by the miner either way, and this only bounds what one line can cost.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export async function runMine(run: MineRun): Promise<MineOutcome> {
  const { input, format, miner, progress } = run;
  const samples = new TemplateSamples(miner.settings.maxTemplates, (id) => miner.template(id) !== undefined);
  const outcome: MineOutcome = { lines: 0, unmatched: new LineTally(), invalidUtf8: new LineTally(), samples };
  for await (const lines of readLogLines(input.chunks(), MAX_LINE_BYTES)) {
    for (const line of lines) {
      if (line.invalidUtf8) outcome.invalidUtf8.add(line.number);
      let message = line.text;
      if (format) {
        const content = lineContent(format, line.text);
        if (content !== undefined) message = content;
        else if (line.text.trim() !== '') outcome.unmatched.add(line.number);
      }
      const result = miner.add(message);
      if (result) samples.record(result, line.number, message);
    }
    outcome.lines += lines.length;
    progress.update(input.bytesRead(), outcome.lines);
  }
  progress.update(input.bytesRead(), outcome.lines);
  progress.stop();
  return outcome;
}

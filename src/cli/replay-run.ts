/**
 * Streams a replay file (docs/correlation.md "Replay format") through the correlator: one
 * pass ignoring recorded merges and splits, and, with feedback, a second in lockstep that
 * applies them, so one read gives the before and the after. A line that is not valid JSON or
 * not a valid record stops the run with an InputError naming its number.
 */
import { createReadStream } from 'node:fs';
import type { Config } from '../core/config.js';
import { parseReplayLine, type ReplayLine } from '../core/replay-record.js';
import { GroupingReplay, type GroupingReplayResult } from '../engage/correlate/grouping-replay.js';
import { z } from 'zod';
import { describeConfigIssue } from './config-issues.js';
import { InputError } from './input-error.js';
import { readLogLines } from './logs-line-reader.js';
import type { Progress } from './progress-bar.js';

/** A replay line holds one alert; longer lines are almost certainly not one. */
const MAX_LINE_BYTES = 1_048_576;

export interface ReplayRun {
  before: GroupingReplayResult;
  /** With feedback: the same alerts with the recorded merges and splits applied. */
  after?: GroupingReplayResult;
}

export async function runReplay(file: string, settings: Config['correlation'], options: { feedback: boolean; progress: Progress }): Promise<ReplayRun> {
  const make = (applyFeedback: boolean) =>
    new GroupingReplay({
      windowMs: settings.windowSeconds * 1000,
      maxDistance: settings.maxGraphDistance,
      quietMs: settings.quietSeconds * 1000,
      threshold: settings.threshold,
      volatileLabels: settings.volatileLabels,
      rules: settings.rules,
      applyFeedback,
    });
  const before = make(false);
  const after = options.feedback ? make(true) : undefined;
  let bytes = 0;
  let lines = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  const stream = createReadStream(file);
  stream.on('data', (chunk) => (bytes += chunk.length));
  for await (const batch of readLogLines(stream, MAX_LINE_BYTES)) {
    for (const { number, text } of batch) {
      if (text.trim() === '') continue;
      const line = parse(text, number);
      if (line.time < lastTime) throw new InputError(`line ${number}: time ${line.time} is before the previous line's ${lastTime}; sort the file by time`);
      lastTime = line.time;
      before.push(line);
      after?.push(line);
      lines++;
    }
    options.progress.update(bytes, lines);
  }
  options.progress.stop();
  return { before: before.result(), ...(after ? { after: after.result() } : {}) };
}

function parse(text: string, number: number): ReplayLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`line ${number}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseReplayLine(json);
  } catch (error) {
    throw new InputError(`line ${number}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof z.ZodError)) return String(error);
  return error.issues.flatMap((issue) => describeConfigIssue(issue, () => undefined)).join('; ');
}

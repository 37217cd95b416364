/**
 * Masking: replaces the parts of a log message that are values (addresses, numbers, ids, paths,
 * times) with the wildcard `<*>` before mining. Pure.
 *
 * Why mask before the prefix tree at all: Drain (He et al., ICWS 2017, §III-B) and Drain3 both
 * found that a few value patterns removed up front do more for accuracy than any threshold,
 * because a value that is masked never splits a template and never has to be learned as a
 * variable position. Order matters: the wider patterns (URLs, e-mails, times, addresses) run
 * before the narrow ones (numbers) that would otherwise cut them into pieces.
 *
 * Conventions follow the Loghub-2.0 corrected templates (Khan et al., ICSE 2022; Jiang et al.,
 * ISSTA 2024): a masked value keeps the colons that separate its parts (`10.0.0.1:80` becomes
 * `<*>:<*>`, a time of day `<*>:<*>:<*>`), a URL keeps its scheme (`hdfs://<*>`), a key keeps its
 * name (`uid=<*>`), and an identifier that mixes letters and digits (`blk_-42`, `attempt_1_m_0`,
 * `piece0`) is one value.
 */

export const WILDCARD = '<*>';

export interface LogMask {
  /** Shown in snapshots and docs; a user mask with a built-in's name replaces it. */
  readonly name: string;
  /** Must be global (`g`); every match is replaced. */
  readonly pattern: RegExp;
  /** As in String.prototype.replace: a string (`$1` refers to groups) or, for built-ins, a function. */
  readonly replacement: string | ((match: string) => string);
  /** Matches nothing in a text without a digit: skipped there (most built-ins). */
  readonly needsDigit?: boolean;
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const IPV4 = '(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}';
/** Top-level names that end host names in practice; a bare ccTLD list would catch `job.id`. */
const HOST_END = '(?:(?:edu|com|co|ac|gov|org|net)\\.[a-z]{2}|com|net|org|edu|gov|mil|io|local|internal|lan)';

function mask(name: string, source: string, replacement: string, needsDigit = true): LogMask {
  return { name, pattern: new RegExp(source, 'g'), replacement, needsDigit };
}

/** The built-in masks, in the order they run. */
export const BUILTIN_MASKS: readonly LogMask[] = Object.freeze([
  // scheme://anything → scheme://<*> (the scheme says what kind of value it is).
  mask('url', '\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s,;\'"()<>\\[\\]{}]+', `$1${WILDCARD}`, false),
  mask('email', '\\b[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+\\b', WILDCARD, false),
  // Not `needsDigit`: a UUID may be all letters (`deadbeef-…`).
  mask('uuid', '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b', WILDCARD, false),
  // ISO 8601 (2015-10-18T18:01:51.791Z, 2015-10-18 18:01:51,791) and syslog/ctime
  // (Fri Jun 17 07:07:00 2005, Jun 17 07:07:00): the date goes into the first part.
  mask(
    'timestamp',
    `\\b(?:\\d{4}-\\d{2}-\\d{2}[T ]|${DAY} +${MONTH} +\\d{1,2} +|${MONTH} +\\d{1,2} +)?\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?: +\\d{4}\\b|Z|[+-]\\d{2}:?\\d{2})?(?![\\w:])`,
    `${WILDCARD}:${WILDCARD}:${WILDCARD}`,
  ),
  // An address written as a path segment (`/10.0.0.1`) loses its slash: it is one value.
  mask('ipv4', `(?:(?<=^|[\\s(\\[=,])/)?(?<![\\w.])${IPV4}(?![\\w.])`, WILDCARD),
  mask('hostname', `(?<![\\w.-])[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.${HOST_END}(?!\\.?[\\w-])`, WILDCARD, false),
  mask('path', '(?<![\\w/.:<>*-])(?:/[\\w.@~+%$-]+)+/?|\\b[A-Za-z]:\\\\[^\\s,;\'"]+', WILDCARD, false),
  mask('hex', '\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b', WILDCARD),
  // Sizes carry their unit inside the value (`5.2 KB`, `384.0 B`), and so do durations
  // written without a space (`10000ms`) or with a bound (`<1 sec`); `160 ms` keeps its unit.
  mask(
    'size',
    '(?<![\\w.])\\d+(?:\\.\\d+)? ?(?:[KMGTP]i?)?B\\b|(?<![\\w.])\\d+(?:\\.\\d+)?(?:ms|us|ns|s)\\b|(?<=\\s)[<>~]\\d+(?:\\.\\d+)? ?(?:sec|ms|s)\\b',
    WILDCARD,
  ),
  // key=value: any value with a digit in it (`flags=0x1`, `vis=40000500`), but not words.
  mask('keyValue', '\\b([A-Za-z_][\\w.-]*=)[^\\s,;&=()\\[\\]{}<>\'"]*\\d[^\\s,;&=()\\[\\]{}<>\'"]*', `$1${WILDCARD}`),
  mask('number', '(?<![\\w])[-+]?\\d+(?:\\.\\d+)*(?![\\w])', WILDCARD),
  // An identifier with digits or an already-masked part in it, joined by _ or -:
  // blk_-<*>, rdd_2_0, attempt_<*>_m_<*>, piece0, msra-sa-41 are each one value. Short words
  // with a digit or two at the end (L3, SOCKS5, IPv6, eth0, v2) are names, not values.
  {
    name: 'mixedIdentifier',
    pattern: /(?<![\w>*-])(?:[\w-]|<\*>)+(?![\w<-])/g,
    replacement: (run: string) => (isMixedIdentifier(run) ? WILDCARD : run),
    needsDigit: false,
  },
]);

const SHORT_NAME = /^[A-Za-z]{1,5}\d{1,2}$/;

function isMixedIdentifier(run: string): boolean {
  if (run === WILDCARD || SHORT_NAME.test(run)) return false;
  return /\d/.test(run) || run.includes(WILDCARD);
}

/** Applies `masks` in order. */
export function maskContent(content: string, masks: readonly LogMask[]): string {
  let out = content;
  let digits = /\d/.test(out);
  for (const m of masks) {
    if (m.needsDigit === true && !digits) continue;
    m.pattern.lastIndex = 0;
    const before = out;
    out =
      typeof m.replacement === 'string'
        ? out.replace(m.pattern, m.replacement)
        : out.replace(m.pattern, m.replacement);
    // Built-ins only remove digits; a user mask may add some back.
    if (m.needsDigit !== true && out !== before) digits = /\d/.test(out);
  }
  return out;
}

/**
 * The masks to run: the built-ins, with user masks of the same name replacing a built-in in
 * place and the other user masks appended (they see the built-ins' output).
 */
export function combineMasks(builtins: readonly LogMask[], user: readonly LogMask[]): LogMask[] {
  const byName = new Map(user.map((m) => [m.name, m]));
  const combined = builtins.map((m) => byName.get(m.name) ?? m);
  for (const m of user) if (!builtins.some((b) => b.name === m.name)) combined.push(m);
  return combined;
}

/**
 * Colour for the console reports, without a dependency: whether to colour (a terminal, NO_COLOR,
 * FORCE_COLOR) and the painting of the report's line shapes (failure lines, verdicts, the
 * closing counts). A report's text is the same with or without colour once the escapes are removed.
 */
import { RULE_IDS } from '../certify/rules';

/**
 * Colour or not, the way Node's own tty.hasColors() decides: FORCE_COLOR set forces it ('0' or
 * 'false' forbids it), else NO_COLOR set to anything but '' forbids it (no-color.org), else a
 * terminal that is not TERM=dumb gets it.
 */
export function wantsColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const red = sgr(31, 39);
export const green = sgr(32, 39);
export const yellow = sgr(33, 39);
export const dim = sgr(2, 22);
export const bold = sgr(1, 22);

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;]*m/g;
export const stripColor = (s: string): string => s.replace(ESCAPES, '');

/** A violation line (`rule  fixture  …`), not a row of the rule table (`rule  verdict  fixtures`). */
const RULE_LINE = new RegExp(`^(${[...RULE_IDS, 'unexpected-pass', 'error'].map((r) => r.replace(/\./g, '\\.')).join('|')})(  )(?=\\S)(?!(pass|FAIL|known-failure|advisory|not-measured)(\\s|$))`);
const COUNTS = /^(\d+ passed), (\d+ failed)(, \d+ skipped)?(, \d+ errors)?(, \d+ not run)?$/;

/** One line of a console report, coloured by its shape; other lines unchanged. */
export function paintLine(line: string): string {
  const counts = COUNTS.exec(line);
  if (counts) {
    const [, passed, failed, skipped, errors, notRun] = counts;
    // A count of zero stays plain.
    const paint = (s: string | undefined, color: (t: string) => string) => (s === undefined ? '' : /^(, )?0 /.test(s) ? s : color(s));
    return `${paint(passed, green)}, ${paint(failed, red)}${paint(skipped, yellow)}${paint(errors, red)}${paint(notRun, yellow)}`;
  }
  const verdict = /^(.*?: )(NOT CERTIFIED|CERTIFIED|nothing certified)(.*)$/.exec(line);
  if (verdict && !line.startsWith(' ')) {
    const paint = verdict[2] === 'CERTIFIED' ? green : verdict[2] === 'NOT CERTIFIED' ? red : yellow;
    return `${verdict[1]}${bold(paint(verdict[2]!))}${verdict[3]}`;
  }
  if (RULE_LINE.test(line)) return line.replace(RULE_LINE, (_, rule: string, gap: string) => `${red(rule)}${gap}`);
  if (/^(FAIL|ERROR) /.test(line)) return line.replace(/^(FAIL|ERROR)/, (m) => red(m));
  if (/^\S+\s+FAIL(\s|$)/.test(line)) return line.replace(/FAIL/, red('FAIL'));
  if (/^(skipped:|warning: |stopped early: )/.test(line)) return line.replace(/^(skipped:|warning:|stopped early:)/, (m) => yellow(m));
  return line;
}

/** The identity when colour is off. */
export const painter = (color: boolean): ((line: string) => string) => (color ? paintLine : (l) => l);

/** ascii(), bin(), oct(), hex(): CPython 3.13's results and messages. */
import { asIndex, exactlyOne } from './args';
import { intAbs } from './intops';
import { ascii } from './repr';
import type { NativeImpl } from './values';

/** @spec #builtin-ascii */
export const asciiBuiltin: NativeImpl = (args, kwargs) => ascii(exactlyOne('ascii', args, kwargs));

/** bin/oct/hex: the int in base 2, 8 or 16 with its 0b/0o/0x prefix after the sign. @spec #builtin-bin-oct-hex */
function inBase(name: string, base: number, prefix: string): NativeImpl {
  return (args, kwargs) => {
    const i = asIndex(exactlyOne(name, args, kwargs));
    return (i < 0 ? '-' : '') + prefix + intAbs(i).toString(base);
  };
}

export const bin = inBase('bin', 2, '0b');
export const oct = inBase('oct', 8, '0o');
export const hex = inBase('hex', 16, '0x');

"""Compare the reference VM's str predicates and case mappings with CPython 3.13 for every code point.

    npm run build && PYENV_VERSION=3.13.0 python3.13 tools/cpython/unicode/check_unicode.py

For each code point c (surrogates excluded: optcert refuses them, spec/values.md#str-code-points)
it checks chr(c).isX() for the twelve predicates and chr(c).upper(), lower(), title(), swapcase(),
capitalize(), casefold(), and the same on 'a' + chr(c) + 'Σ' (cased context, final sigma). Exit 1 on any
difference, listing the first few.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
PREDICATES = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isupper', 'islower',
              'istitle', 'isidentifier', 'isprintable', 'isascii']
MAPPINGS = ['upper', 'lower', 'title', 'swapcase', 'capitalize', 'casefold']

NODE = r'''
const { callMethod } = require(process.argv[1]);
const preds = process.argv[2].split(',');
const maps = process.argv[3].split(',');
const out = [];
for (let c = 0; c < 0x110000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const s = String.fromCodePoint(c);
  const ctx = 'a' + s + '\u03a3';
  out.push(JSON.stringify([preds.map((p) => (callMethod(s, p) ? '1' : '0')).join(''),
    ...maps.flatMap((m) => [callMethod(s, m), callMethod(ctx, m)])]));
}
process.stdout.write(out.join('\n'));
'''


def main():
    helper = os.path.join(HERE, 'call_method.js')
    res = subprocess.run(['node', '-e', NODE, helper, ','.join(PREDICATES), ','.join(MAPPINGS)],
                         capture_output=True, check=True)
    lines = res.stdout.decode('utf-8').split('\n')
    bad = []
    k = 0
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        s = chr(c)
        ctx = 'a' + s + '\u03a3'
        want = [''.join('1' if getattr(s, p)() else '0' for p in PREDICATES)]
        want += [r for m in MAPPINGS for r in (getattr(s, m)(), getattr(ctx, m)())]
        got = json.loads(lines[k])
        if got != want:
            bad.append((c, got, want))
        k += 1
    print(f'check_unicode: {k} code points, {len(bad)} differ')
    for c, got, want in bad[:20]:
        print(f'  U+{c:04X}: optcert {json.dumps(got)}\n           CPython {json.dumps(want)}')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()

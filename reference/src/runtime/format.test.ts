/** format(value, spec); every expected string is CPython 3.13's. */
import { exceptionStr } from './exceptions';
import { formatValue } from './format';
import { PyException, PyFloat, PyList, type PyValue } from './values';

const f = (x: number): PyFloat => new PyFloat(x);

function fmtError(v: PyValue, spec: string): string {
  try {
    formatValue(v, spec);
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('int format specs', () => {
  test.each<[PyValue, string, string]>([
    [1234567, ',', '1,234,567'],
    [1234567, '_x', '12_d687'],
    [1234567, '_b', '1_0010_1101_0110_1000_0111'],
    [-42, '#x', '-0x2a'],
    [42, '#o', '0o52'],
    [42, '#b', '0b101010'],
    [42, '#X', '0X2A'],
    [255, '08x', '000000ff'],
    [-255, '08x', '-00000ff'],
    [-255, '#08x', '-0x000ff'],
    [1, '^5', '  1  '],
    [-1, '=5', '-   1'],
    [-1, '05', '-0001'],
    [-3, '^+5', ' -3  '],
    [1234, '010,', '00,001,234'],
    [1234, '09,', '0,001,234'],
    [1234, 'x^10,', 'xx1,234xxx'],
    [2n ** 64n, ',', '18,446,744,073,709,551,616'],
    [65, 'c', 'A'],
    [65, '>3c', '  A'],
    [5, '.2f', '5.00'],
    [5, '%', '500.000000%'],
    [2n ** 70n, 'e', '1.180592e+21'],
    [123, 'n', '123'],
    [true, '', 'True'],
    [true, '>6', '     1'],
    [true, 'x', '1'],
    [1, 'ü<5', '1üüüü'],
  ])('format(%p, %j) == %j', (v, spec, expected) => {
    expect(formatValue(v, spec)).toBe(expected);
  });

  test('errors', () => {
    expect(fmtError(1, 's')).toBe("ValueError: Unknown format code 's' for object of type 'int'");
    expect(fmtError(true, 's')).toBe("ValueError: Unknown format code 's' for object of type 'bool'");
    expect(fmtError(1, '.2')).toBe('ValueError: Precision not allowed in integer format specifier');
    expect(fmtError(1, 'z')).toBe('ValueError: Negative zero coercion (z) not allowed in integer format specifier');
    expect(fmtError(1, ',x')).toBe("ValueError: Cannot specify ',' with 'x'.");
    expect(fmtError(1, ',n')).toBe("ValueError: Cannot specify ',' with 'n'.");
    expect(fmtError(1, '_,')).toBe("ValueError: Cannot specify both ',' and '_'.");
    expect(fmtError(1, 'xx')).toBe("ValueError: Invalid format specifier 'xx' for object of type 'int'");
    expect(fmtError(1, '.')).toBe('ValueError: Format specifier missing precision');
    expect(fmtError(1, '#c')).toBe("ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
    expect(fmtError(-1, 'c')).toBe('OverflowError: %c arg not in range(0x110000)');
    expect(fmtError(1, 'é')).toBe("ValueError: Unknown format code '\\xe9' for object of type 'int'");
    expect(fmtError(2n ** 1100n, 'e')).toBe('OverflowError: int too large to convert to float');
  });
});

describe('float format specs', () => {
  test.each<[number, string, string]>([
    [1.5, '', '1.5'],
    [1e16, '', '1e+16'],
    [1.0, '.2', '1.0'],
    [1234.5, '.2', '1.2e+03'],
    [123.0, '.0', '1e+02'],
    [1e16, '.17', '1e+16'],
    [0.5, '.0f', '0'],
    [2.5, '.0f', '2'],
    [1.5, '.0f', '2'],
    [1.25, '.1f', '1.2'],
    [1.35, '.1f', '1.4'],
    [9.995, '.2f', '9.99'],
    [0.1, '.30f', '0.100000000000000005551115123126'],
    [-0.0, 'z.1f', '0.0'],
    [-0.0001, 'z.2f', '0.00'],
    [-0.0001, '.2f', '-0.00'],
    [-0.0, '', '-0.0'],
    [1234567.891, 'n', '1.23457e+06'],
    [3.14159, '010.3f', '000003.142'],
    [-3.14, '+10.1e', '  -3.1e+00'],
    [0.000123, 'g', '0.000123'],
    [123456789.0, 'g', '1.23457e+08'],
    [1.0, 'g', '1'],
    [1.0, '#g', '1.00000'],
    [100.0, '#.0e', '1.e+02'],
    [100.0, '#.0f', '100.'],
    [0.25, '%', '25.000000%'],
    [0.5, '.0%', '50%'],
    [Infinity, 'f', 'inf'],
    [-Infinity, '010f', '-000000inf'],
    [NaN, '+F', '+NAN'],
    [NaN, '010', '0000000nan'],
    [12345.678, ',.2f', '12,345.68'],
    [12345.678, '_.2f', '12_345.68'],
    [1234.5, '012,.1f', '00,001,234.5'],
    [1.5, '=+8', '+    1.5'],
    [12345.0, ',', '12,345.0'],
    [5e-324, '.3e', '4.941e-324'],
    [1.7976931348623157e308, '.20e', '1.79769313486231570815e+308'],
    [1e100, ',.0f', '10,000,000,000,000,000,159,028,911,097,599,180,468,360,808,563,945,281,389,781,327,557,747,838,772,170,381,060,813,469,985,856,815,104'],
  ])('format(%p, %j) == %j', (x, spec, expected) => {
    expect(formatValue(f(x), spec)).toBe(expected);
  });

  test('errors', () => {
    expect(fmtError(f(1.5), 'd')).toBe("ValueError: Unknown format code 'd' for object of type 'float'");
    expect(fmtError(f(1.5), '_n')).toBe("ValueError: Cannot specify '_' with 'n'.");
  });
});

describe('str and other format specs', () => {
  test.each<[string, string, string]>([
    ['abc', '^9', '   abc   '],
    ['abc', '*^8', '**abc***'],
    ['abc', '.2', 'ab'],
    ['abc', '<5.1s', 'a    '],
    ['a', '05', 'a0000'],
    ['a😀b', '^7', '  a😀b  '],
  ])('format(%j, %j) == %j', (s, spec, expected) => {
    expect(formatValue(s, spec)).toBe(expected);
  });

  test('errors', () => {
    expect(fmtError('a', '=5')).toBe("ValueError: '=' alignment not allowed in string format specifier");
    expect(fmtError('a', '+')).toBe('ValueError: Sign not allowed in string format specifier');
    expect(fmtError('a', ' ')).toBe('ValueError: Space not allowed in string format specifier');
    expect(fmtError('a', '#')).toBe('ValueError: Alternate form (#) not allowed in string format specifier');
    expect(fmtError('a', 'z')).toBe('ValueError: Negative zero coercion (z) not allowed in string format specifier');
    expect(fmtError('a', 'd')).toBe("ValueError: Unknown format code 'd' for object of type 'str'");
    expect(fmtError(new PyList([1]), 'x')).toBe('TypeError: unsupported format string passed to list.__format__');
    expect(fmtError(null, '>3')).toBe('TypeError: unsupported format string passed to NoneType.__format__');
  });

  test('an empty spec is str()', () => {
    expect(formatValue(null, '')).toBe('None');
    expect(formatValue(new PyList(['a']), '')).toBe("['a']");
  });
});

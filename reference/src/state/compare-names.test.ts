import { describePath, formatDifference, type StateDifference } from './compare';

const main = { path: 'frames[1]', code: 'to_base', varnames: ['n', 'base', 'digits'] };

describe('a difference names what the user knows', () => {
  test('a local by its name, a stack slot by its index, the stack depth, anything else as it is', () => {
    const at = (path: string): string => describePath({ path, expected: '', actual: '', frame: main });
    expect(at('frames[1].locals[2]')).toBe("frames[1] to_base: local 'digits'");
    expect(at('frames[1].locals[0].items[3]')).toBe("frames[1] to_base: local 'n'.items[3]");
    expect(at('frames[1].locals[7]')).toBe('frames[1] to_base: locals[7]');
    expect(at('frames[1].stack[2]')).toBe('frames[1] to_base: stack[2]');
    expect(at('frames[1].stack.length')).toBe('frames[1] to_base: stack depth');
    expect(at('frames[1].ip')).toBe('frames[1] to_base: ip');
    expect(describePath({ path: 'globals.total', expected: '', actual: '' })).toBe('globals.total');
  });

  test("a generator's frame reached from a local is named in its own terms", () => {
    const gen = { path: 'frames[1].locals[2].frame', code: 'walk', varnames: ['node', 'depth'], parent: main };
    const d: StateDifference = { path: 'frames[1].locals[2].frame.locals[1]', expected: 'int 2', actual: 'int 3', frame: gen };
    expect(formatDifference(d)).toBe("frames[1] to_base: local 'digits'.frame walk: local 'depth': expected int 2, got int 3");
  });

  test('without a frame, or a frame that is not on the path, the path as it is', () => {
    expect(formatDifference({ path: 'frames[0].stack[1]', expected: 'int 1', actual: 'int 2' })).toBe('frames[0].stack[1]: expected int 1, got int 2');
    expect(describePath({ path: 'output[3]', expected: '', actual: '', frame: main })).toBe('output[3]');
  });
});

/**
 * The importer's view of attributes against the VM's and CPython's (spec/values.md#attribute-names):
 * spec/vm-attrs.json is what the VM's lookup finds now (regenerate with `npm run gen:attrs`), the VM
 * has no name CPython lacks on the same kind, and a missing name raises CPython's AttributeError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAttr } from './attrs';
import { kindSamples, vmAttrsJson, vmHasAttr } from './attrnames';
import { typeName } from './types';
import { PyException, PyType } from './values';

const SPEC = join(__dirname, '..', '..', '..', 'spec');
interface CpythonTable {
  kinds: Record<string, string[]>;
  missing: Record<string, string>;
}
const cpython = JSON.parse(readFileSync(join(SPEC, 'cpython-attrs.generated.json'), 'utf8')) as CpythonTable;
const vm = (JSON.parse(readFileSync(join(SPEC, 'vm-attrs.json'), 'utf8')) as { kinds: Record<string, string[]> }).kinds;

/** CPython's descriptor type for each data attribute found on a type object (`int.real`: getset_descriptor). */
const descriptors = (JSON.parse(readFileSync(join(SPEC, 'cpython-attrs.generated.json'), 'utf8')) as { descriptors: Record<string, Record<string, string>> }).descriptors;

describe('attribute names: VM, importer and CPython 3.13', () => {
  test("a data attribute on a type is CPython's kind of descriptor", () => {
    const wrong: string[] = [];
    for (const [kind, names] of Object.entries(descriptors)) {
      const t = kindSamples().get(kind)![0]!;
      for (const [name, want] of Object.entries(names)) {
        if (!vm[kind]!.includes(name)) continue;
        const got = typeName(loadAttr(t, name));
        if (got !== want) wrong.push(`${kind}.${name}: want ${want}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('spec/vm-attrs.json is what the VM finds now (npm run gen:attrs)', () => {
    expect(readFileSync(join(SPEC, 'vm-attrs.json'), 'utf8')).toBe(vmAttrsJson(cpython.kinds));
  });

  test('the same kinds on both sides, each sample of the kind it stands for', () => {
    expect(Object.keys(vm).sort()).toEqual(Object.keys(cpython.kinds).sort());
    for (const [kind, vs] of kindSamples()) {
      for (const v of vs) {
        if (kind.startsWith('type[')) expect(`type[${(v as PyType).name}]`).toBe(kind);
        else if (!kind.startsWith('module[') && kind !== 'method_descriptor') expect(typeName(v)).toBe(kind);
      }
    }
  });

  test("every name the importer's rule accepts is found by the VM on every kind CPython has it on", () => {
    const names = new Set(Object.values(cpython.kinds).flat());
    const accepted = [...names].filter((n) => Object.entries(cpython.kinds).every(([kind, ns]) => !ns.includes(n) || vm[kind]!.includes(n)));
    const missing: string[] = [];
    for (const [kind, samples] of kindSamples()) {
      for (const n of accepted) {
        if (!cpython.kinds[kind]!.includes(n)) continue;
        for (const v of samples) if (!vmHasAttr(v, n)) missing.push(`${kind}.${n}`);
      }
    }
    expect(accepted.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  test('the VM has no attribute CPython lacks on the same kind', () => {
    const extra = Object.entries(vm).flatMap(([kind, names]) => names.filter((n) => !cpython.kinds[kind]!.includes(n)).map((n) => `${kind}.${n}`));
    expect(extra).toEqual([]);
  });

  test("a missing attribute raises CPython's AttributeError message", () => {
    const wrong: string[] = [];
    for (const [kind, samples] of kindSamples()) {
      for (const sample of samples) {
        let got = '(no error)';
        try {
          loadAttr(sample, 'no_such_attribute');
        } catch (e) {
          if (!(e instanceof PyException)) throw e;
          got = `${e.type.name}: ${String(e.args.items[0])}`;
        }
        if (got !== cpython.missing[kind]) wrong.push(`${kind}: want ${cpython.missing[kind]}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

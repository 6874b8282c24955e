/**
 * PyFloat is built without `extends` and class fields (values.ts says why); it must still be
 * everything a float was: a PyObject, of kind 'float', whose only own property is its value (the
 * state copy takes own properties and the prototype).
 */
import { PyFloat, PyObject } from './values';

describe('PyFloat', () => {
  test('is a PyObject of kind float, its value its only own property', () => {
    const x = new PyFloat(1.5);
    expect(x).toBeInstanceOf(PyObject);
    expect(x).toBeInstanceOf(PyFloat);
    expect(x.kind).toBe('float');
    expect(x.value).toBe(1.5);
    expect(Object.keys(x)).toEqual(['value']);
  });

  test('a copy made as the state copy makes it (prototype and own properties) is the same float', () => {
    const x = new PyFloat(-0);
    const copy = Object.assign(Object.create(Object.getPrototypeOf(x)) as object, x) as PyFloat;
    expect(copy).toBeInstanceOf(PyFloat);
    expect(copy.kind).toBe('float');
    expect(Object.is(copy.value, -0)).toBe(true);
  });
});

/**
 * What the VM checks when an optimizer registers. Costs are read once, here.
 * @spec #registration
 */
import { ALL_CAPABILITIES, type ApiError, type Optimizer } from './api';

export interface Registered {
  readonly optimizer: Optimizer;
  readonly name: string;
  readonly capabilities: number;
  readonly optimizationCost: number;
  readonly runCost: number;
}

function read(o: Optimizer, key: keyof Optimizer): unknown {
  try {
    return o[key];
  } catch {
    return undefined;
  }
}

/** @spec #capabilities @spec #cost-metadata */
export function checkOptimizer(o: unknown): Registered | ApiError {
  if (typeof o !== 'object' || o === null) return { rule: 'registration.not-an-optimizer', message: 'an optimizer must be an object' };
  const opt = o as Optimizer;
  if (typeof read(opt, 'compile') !== 'function') return { rule: 'registration.not-an-optimizer', message: 'an optimizer needs a compile(code, offset, vm) method' };
  const name = read(opt, 'name');
  const caps = read(opt, 'capabilities');
  if (typeof caps !== 'number' || !Number.isInteger(caps) || caps === 0 || (caps & ~ALL_CAPABILITIES) !== 0) {
    return { rule: 'registration.capabilities', message: `capabilities must be a non-zero combination of 1, 2 and 4, got ${String(caps)}` };
  }
  const costs: Record<string, unknown> = { optimizationCost: read(opt, 'optimizationCost'), runCost: read(opt, 'runCost') };
  for (const [k, v] of Object.entries(costs)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      return { rule: 'registration.costs', message: `${k} must be a finite number > 0, got ${String(v)}` };
    }
  }
  return {
    optimizer: opt,
    name: typeof name === 'string' ? name : '(unnamed)',
    capabilities: caps,
    optimizationCost: costs.optimizationCost as number,
    runCost: costs.runCost as number,
  };
}

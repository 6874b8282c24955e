/** The reference VM as a Vm: the only module of conformance/ that imports reference/. */
import { INSTRUCTIONS, loadProgram, runEntry } from '../../../reference/src';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import { scriptedOptimizer } from '../../../reference/src/optimizers/scripted';
import type { Vm } from './vm';

export const referenceVm: Vm = { loadProgram, runEntry, instructions: INSTRUCTIONS, scriptedOptimizer, sampleOptimizers: SAMPLE_OPTIMIZERS };

/** The reference VM as a Vm: the only module of conformance/ that imports reference/. */
import { INSTRUCTIONS, loadProgram, runEntry } from '../../../reference/src';
import type { Vm } from './vm';

export const referenceVm: Vm = { loadProgram, runEntry, instructions: INSTRUCTIONS };

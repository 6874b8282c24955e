/**
 * An activation record. Frames form a linked stack through `back`; a Python call pushes a frame
 * and never recurses on the JS stack.
 * @spec #frames
 */
import type { Code } from '../isa/code';
import type { PyFunction, PyGenerator, Slot } from '../runtime/values';

export class Frame {
  /** Index of the next instruction to execute. In a frame that is not on top, just past the call. */
  ip = 0;
  readonly locals: Slot[];
  readonly stack: Slot[] = [];
  /** The frame that receives this frame's result; null while a generator frame is suspended. */
  back: Frame | null = null;
  /** The generator that owns this frame, if any. */
  gen: PyGenerator | null = null;
  /** Set while a builtin runs this generator frame in a nested loop: yield/return leave that loop. */
  entry = false;
  /** Where the caller continues when this generator, driven by FOR_ITER, returns (target + 2). */
  forIterExit = -1;
  readonly ops: Uint8Array;
  readonly args: Int32Array;

  constructor(readonly code: Code, readonly func: PyFunction | null) {
    this.locals = new Array<Slot>(code.varnames.length).fill(undefined);
    this.ops = code.ops;
    this.args = code.args;
  }
}

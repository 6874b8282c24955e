/** Stand-in for helpers whose host argument is optional: fine until a generator must be run. */
import type { Host } from './values';

export const NO_HOST: Host = {
  write: () => {
    throw new Error('internal: runtime helper called without a host');
  },
  resume: () => {
    throw new Error('internal: consuming a generator needs the host argument');
  },
};

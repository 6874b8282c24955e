/**
 * The files `optcert init` writes: a small optimizer that certifies against the whole official
 * corpus, an expectations file, and a GitHub Actions workflow that certifies in shards, uploads
 * JUnit and merges the shard certificates.
 */

export const OPTIMIZER_FILE = 'my-optimizer.ts';
export const EXPECTATIONS_FILE = 'optcert-expectations.yaml';
export const WORKFLOW_FILE = '.github/workflows/optcert.yml';
/** CI shards: jobs that certify a quarter of the corpus each. */
export const SHARDS = 4;

/** The whole official corpus, its generated tier included: 1,100 more programs cost a few seconds. */
export const CERTIFY_COMMAND = `optcert certify ${OPTIMIZER_FILE} --generated --expectations ${EXPECTATIONS_FILE}`;

/** package.json scripts init adds. */
export const SCRIPTS: Readonly<Record<string, string>> = {
  certify: CERTIFY_COMMAND,
};

export const OPTIMIZER_TEXT = `// ${OPTIMIZER_FILE}: written by \`optcert init\`. A working optimizer to start from: it runs
// hot loops in bursts of up to 64 instructions through the interpreter, which certifies against
// the whole official corpus. Replace the executor with your own and run \`npm run certify\`.
import { Capability, type Code, type Executor, type Frame, type Optimizer, type Vm } from 'optcert';

class BurstExecutor implements Executor {
  constructor(
    readonly code: Code,
    readonly offset: number, // the hotspot it was compiled for: a JUMP_BACKWARD
  ) {}

  execute(frame: Frame, vm: Vm): Frame | null {
    // On entry frame.ip === this.offset. Step the interpreter up to 64 times, stopping early when
    // a call, a return or an exception switches frames. On return the VM state must be exactly
    // the interpreter's after some N >= 0 instructions: the certifier checks it after every call.
    for (let i = 0; i < 64 && vm.frame === frame; i++) vm.step(frame);
    return vm.frame; // the innermost frame: where execution continues (null: the entry call returned)
  }
}

/** A fresh optimizer per fixture. */
export function createOptimizer(): Optimizer {
  return {
    name: 'my-optimizer',
    capabilities: Capability.BACK_EDGE, // the VM offers loops only
    optimizationCost: 0.1, // producing an executor costs a tenth of interpreting the code once
    runCost: 1, // running it costs what the interpreter does
    compile(code: Code, offset: number): Executor | null {
      return new BurstExecutor(code, offset); // or null to decline
    },
  };
}
`;

export const EXPECTATIONS_TEXT = `# ${EXPECTATIONS_FILE}: written by \`optcert init\`. Known failures of my-optimizer.ts, so that
# they do not fail the run while you work on them (an unexpected pass does, to keep this honest):
#
#   programs.base-convert: {status: fail, reason: "the burst skips a back edge"}
#   vm.generators.send-basic: {status: skip, reason: "generators are not supported yet"}
#
# status is fail, error or skip; every entry needs a reason. See optcert certify --help.
`;

const shardList = Array.from({ length: SHARDS }, (_, i) => i + 1).join(', ');

export const WORKFLOW_TEXT = `# ${WORKFLOW_FILE}: written by \`optcert init\`. Certifies ${OPTIMIZER_FILE} against
# optcert's official corpus in ${SHARDS} parallel jobs (--shard i/${SHARDS}), uploads each job's JUnit
# report, and merges the shard certificates into one (optcert merge), uploaded as the
# "optcert-certificate" artifact. The merge job fails unless the optimizer is certified.
name: optcert

on:
  push:
  pull_request:

jobs:
  certify:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        shard: [${shardList}]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: certify shard \${{ matrix.shard }}/${SHARDS}
        run: npx ${CERTIFY_COMMAND} --shard \${{ matrix.shard }}/${SHARDS} --reporter json --output optcert-shard-\${{ matrix.shard }}.json
      - name: JUnit report of the shard
        if: always()
        run: npx optcert merge optcert-shard-\${{ matrix.shard }}.json --reporter junit --output optcert-junit-\${{ matrix.shard }}.xml || true
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: optcert-shard-\${{ matrix.shard }}
          path: |
            optcert-shard-\${{ matrix.shard }}.json
            optcert-junit-\${{ matrix.shard }}.xml

  certificate:
    needs: certify
    if: always()
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - uses: actions/download-artifact@v4
        with:
          pattern: optcert-shard-*
          merge-multiple: true
      - name: merge the shard certificates
        run: npx optcert merge optcert-shard-*.json --output optcert-certificate.json
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: optcert-certificate
          path: optcert-certificate.json
`;

/** A package.json for a directory that has none. */
export function packageJsonText(name: string, optcertVersion: string): string {
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    scripts: { ...SCRIPTS },
    devDependencies: { optcert: `^${optcertVersion}` },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * The stable codes of optcert's own diagnostics (the reference VM's ASM_* and verifier codes
 * pass through unchanged when a fixture's program is bad input).
 */
export const CODES = {
  FIXTURE_READ_ERROR: 'the file could not be read',
  FIXTURE_TOO_LARGE: 'the file is larger than 256 KiB',
  FIXTURE_TOO_DEEP: 'the YAML nests deeper than 64 levels (checked before parsing: deep input crashes the parser)',
  FIXTURE_YAML_SYNTAX: 'the file is not valid YAML (syntax, duplicate key, unresolved tag, non-scalar key)',
  FIXTURE_YAML_ALIAS: 'the file uses a YAML anchor or alias (rejected: alias bombs)',
  FIXTURE_YAML_MULTIPLE_DOCUMENTS: 'the file holds more than one YAML document',
  FIXTURE_SCHEMA: 'the file does not match spec/schemas/fixture.schema.json',
  FIXTURE_DUPLICATE_ID: 'two fixtures have the same id',
  FIXTURE_UNKNOWN_OPTIMIZER: 'the fixture names a sample optimizer the VM does not have',
  LINT_UNKNOWN_ANCHOR: 'a spec anchor that no spec/*.md defines',
  LINT_UNKNOWN_TAG: 'a tag that fixtures/tags.yaml does not list',
  LINT_OP_NOT_IN_PROGRAM: 'the fixture cites op-X but instruction X does not appear in its program',
  LINT_MISSING_EXPECT: 'the fixture has no expect (run optcert bless)',
  LINT_UNKNOWN_OPTIMIZER: 'the fixture names a sample optimizer the VM does not have',
  LINT_NOT_A_HOTSPOT: "a scripted optimizer's at: key names no code object, or an offset that is not a hotspot instruction",
  LINT_TRACE_WITHOUT_OPTIMIZER: 'the fixture asserts a trace but nothing registers an optimizer: the trace is always empty',
  TAGS_REGISTRY_INVALID: 'the tag registry is unreadable or not a mapping of tag to description',
  SPEC_DIR_INVALID: 'the spec directory is missing or holds no anchors',
  PATH_NOT_FOUND: 'a path given on the command line does not exist',
  NO_FIXTURES: 'no fixture was selected',
  USAGE: 'bad command-line usage',
  IMPORT_NO_PYTHON: 'import-python found no CPython 3.13 (point to one with --python or OPTCERT_PYTHON)',
  IMPORT_SYNTAX_ERROR: 'the Python source does not compile (or is not UTF-8)',
  IMPORT_UNSUPPORTED: 'the program uses an instruction, builtin or construct outside the subset (tools/cpython/README.md)',
  IMPORT_UNREPRESENTABLE: 'a value the fixture format cannot hold: a constant, global, result or exception type',
  IMPORT_INVALID_HEADER: 'a bad id, description, spec anchor, tag, call or budget (option or # optcert: header line)',
  IMPORT_MODULE_ERROR: 'the module raises or prints at import time, or a top-level def is not a plain function',
  IMPORT_OVER_BUDGET: 'the call runs more CPython instructions than the step budget',
  IMPORT_NO_SOURCES: 'import-python --dir found no .py file with an # optcert: header line',
  IMPORT_HELPER_FAILED: 'the CPython helper (tools/cpython/py2fixture.py) broke: no answer, a crash or a timeout',
  EXPECTATIONS_INVALID: 'the certify expectations file is unreadable or not a mapping of fixture id to {status, reason}',
  CANDIDATE_NOT_LOADED: 'certify could not load the optimizer module, or it exports no optimizer',
  MUTANT_INVALID: 'a file of the mutant gallery is not a mutant module (createOptimizer, rule, summary)',
  NO_MUTANTS: 'no mutant of the gallery was selected',
} as const;

export type OptcertCode = keyof typeof CODES;

/**
 * The public entry is the API boundary. The mutant gallery (and its building blocks in lib/) is
 * written as an optimizer author would: it imports only from the public entry (`index.ts`, the
 * package's `optcert`), its own lib/ and node: builtins. The sample optimizers live inside the
 * reference VM (which registers them, and the public entry re-exports them), so they import the
 * reference's modules directly — through the entry would be an import cycle and a getter on every
 * hot helper call — but every name they import must be one the public entry exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'index.ts');
const GALLERY = join(ROOT, 'conformance', 'test', 'mutants');
const SAMPLES = join(ROOT, 'reference', 'src', 'optimizers');

interface ImportUse {
  readonly file: string;
  readonly from: string;
  readonly names: readonly string[];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every import and re-export of a file: module specifier and the names it takes. */
function importsOf(file: string): ImportUse[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const uses: ImportUse[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names: string[] = [];
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (clause?.name) names.push('default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
        if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
      } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) names.push((el.propertyName ?? el.name).text);
      } else names.push('*');
      uses.push({ file, from: node.moduleSpecifier.text, names });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      uses.push({ file, from: arg && ts.isStringLiteral(arg) ? arg.text : '(computed)', names: ['*'] });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [arg] = node.arguments;
      uses.push({ file, from: arg && ts.isStringLiteral(arg) ? arg.text : '(computed)', names: ['*'] });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

/** The names (values and types) the public entry exports, from the type checker. */
function publicNames(): Set<string> {
  const program = ts.createProgram([ENTRY], { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(ENTRY)!)!;
  return new Set(checker.getExportsOfModule(symbol).map((s) => s.name));
}

const resolved = (u: ImportUse): string => resolve(dirname(u.file), u.from);
const shown = (u: ImportUse): string => `${relative(ROOT, u.file)}: ${u.from}`;

describe('the public entry is the boundary', () => {
  test('the mutant gallery and its lib import only the public entry, their own lib and node: builtins', () => {
    const files = tsFiles(GALLERY);
    expect(files.length).toBeGreaterThan(20);
    const bad = files
      .flatMap(importsOf)
      .filter((u) => !u.from.startsWith('node:'))
      .filter((u) => {
        const target = resolved(u);
        return target !== ENTRY.replace(/\.ts$/, '') && !target.startsWith(join(GALLERY, 'lib') + '/');
      })
      .map(shown);
    expect(bad).toEqual([]);
  });

  test('the gallery lib does not import the mutants (they build on it, not the reverse)', () => {
    const bad = tsFiles(join(GALLERY, 'lib'))
      .flatMap(importsOf)
      .filter((u) => u.from.startsWith('.') && !resolved(u).startsWith(join(GALLERY, 'lib') + '/') && resolved(u) !== ENTRY.replace(/\.ts$/, ''))
      .map(shown);
    expect(bad).toEqual([]);
  });

  test('the sample optimizers import only names the public entry exports, and nothing of the certifier', () => {
    const names = publicNames();
    for (const n of ['Optimizer', 'Executor', 'Frame', 'Vm', 'Code', 'Capability', 'HANDLERS', 'originalOp', 'loadProgram', 'runEntry', 'python', 'binaryOp', 'RuleId']) {
      expect([n, names.has(n)]).toEqual([n, true]);
    }
    const uses = tsFiles(SAMPLES).flatMap(importsOf).filter((u) => u.from.startsWith('.'));
    expect(uses.length).toBeGreaterThan(0);
    const outside = uses.filter((u) => !resolved(u).startsWith(join(ROOT, 'reference', 'src') + '/')).map(shown);
    expect(outside).toEqual([]);
    const samplesDir = SAMPLES + '/';
    const privateNames = uses
      .filter((u) => !resolved(u).startsWith(samplesDir))
      .flatMap((u) => u.names.filter((n) => !names.has(n)).map((n) => `${shown(u)} { ${n} }`));
    expect(privateNames).toEqual([]);
  });
});

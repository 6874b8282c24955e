'use strict';
// The npm registry this project installs from serves only the Linux builds of platform-specific
// optional packages (e.g. @unrs/resolver-binding-darwin-arm64 is a 404 here). `npm install` then
// leaves them out of package-lock.json while their parents still list them, and `npm ci` refuses
// the lockfile ("Missing: … from lock file"). This drops optional dependencies that have no entry
// in the lockfile, so `npm ci` installs exactly what `npm install` resolved. Run it after any
// `npm install` that rewrites the lockfile.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
const present = (dep) => Object.keys(packages).some((k) => k === `node_modules/${dep}` || k.endsWith(`/node_modules/${dep}`));
let removed = 0;
for (const entry of Object.values(packages)) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const dep of Object.keys(optional)) {
    if (!present(dep)) {
      delete optional[dep];
      removed++;
    }
  }
  if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: removed ${removed} optional dependencies the registry does not serve`);

// Electronegativity parses with typescript-estree, which needs TypeScript's JS API. The project's
// TypeScript is 7 (the native compiler, without that API), so point its `require('typescript')`
// at the 5.x copy installed for it (package.json "overrides").
const Module = require('node:module');
const path = require('node:path');

const typescript5 = path.join(__dirname, '..', 'node_modules', '@doyensec', 'electronegativity', 'node_modules', 'typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript') return resolve.call(this, typescript5, ...rest);
  return resolve.call(this, request, ...rest);
};

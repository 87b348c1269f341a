#!/usr/bin/env node
// The `facing` command: the TypeScript entry run through tsx.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));

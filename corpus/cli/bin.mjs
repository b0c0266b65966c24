#!/usr/bin/env node
// The `hashiya` command. It runs the TypeScript sources through tsx so that the command
// and the app always share the same code, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// `npx qingdu <command>`: runs the TypeScript CLI through tsx so the CLI uses the very same source as the extension.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

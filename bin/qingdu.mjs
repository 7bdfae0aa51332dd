#!/usr/bin/env node
// `npx qingdu <command>`: runs the TypeScript CLI through tsx so the CLI uses the very same source as the extension.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`qingdu cite … | head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A private X server for tests and scripts that need real key presses: synthetic (CDP/BiDi) keys never fire extension
 * commands, X11 keys from xdotool do (test/e2e/shortcut.test.ts, scripts/eval-declutter.ts). Null when Xvfb or
 * xdotool is missing.
 */
export interface XServer {
  display: string;
  /** Press a key chord with xdotool in this display, e.g. `alt+shift+q`. */
  key(chord: string): void;
  /** Move the pointer and click, to give the browser window focus. */
  click(x: number, y: number): void;
  close(): void;
}

/** Start Xvfb on a free display number; null when Xvfb or xdotool is missing or the server does not come up. */
export async function startXvfb(): Promise<XServer | null> {
  if (!['/usr/bin/Xvfb', '/usr/bin/xdotool'].every((p) => existsSync(p))) return null;
  // A display number nobody uses: X writes /tmp/.X<N>-lock for each running server.
  let n = 90 + (process.pid % 50);
  while (existsSync(`/tmp/.X${n}-lock`)) n++;
  const display = `:${n}`;
  const proc: ChildProcess = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  const end = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > end || proc.exitCode !== null) {
      proc.kill();
      return null;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const xdotool = (...args: string[]) => {
    const r = spawnSync('/usr/bin/xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`xdotool ${args.join(' ')}: ${r.stderr}`);
  };
  return {
    display,
    key: (chord) => xdotool('key', chord),
    click: (x, y) => xdotool('mousemove', String(x), String(y), 'click', '1'),
    close: () => {
      proc.kill();
    },
  };
}

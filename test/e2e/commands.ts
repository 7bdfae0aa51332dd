import type { Driver } from '../../scripts/lib/browser';

/**
 * Run the extension's `toggle-reader` command for a tab the way the keyboard shortcut does: the background's real
 * command handler (`qingduTestHooks.runCommand`), not a message from the page.
 * @returns true when the reader opened, false when it closed or could not open
 */
export const toggleReader = (driver: Driver, tabId: number): Promise<boolean> =>
  driver.background(
    (id: number) =>
      (
        globalThis as unknown as { qingduTestHooks: { runCommand(c: string, t: number): Promise<boolean> } }
      ).qingduTestHooks.runCommand('toggle-reader', id),
    tabId,
  );

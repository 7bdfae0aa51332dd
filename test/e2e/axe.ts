import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/** The rule sets the audit runs: WCAG 2.1 A and AA, and axe-core's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One violated rule: its id, impact, and up to five of the elements that fail it with axe's summary. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What one audit found: the violations and how many rules passed (so an audit of nothing shows as 0 passes). */
export interface AxeReport {
  violations: AxeViolation[];
  passes: number;
  /** Elements checked by color-contrast (it needs rendered text: 0 means the audit saw no text). */
  contrastNodes: number;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core (node_modules/axe-core, injected into the page's main world) on the page, or on the elements of
 * `include` (CSS selectors; a shadow host's open shadow tree is audited with it). The page's CSP does not apply to
 * the driver's evaluation, so extension pages can be audited too.
 */
export async function audit(page: Page, include?: string[]): Promise<AxeReport> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags: string[], inc: string[] | null) => {
      const axe = (window as unknown as { axe: AxeApi }).axe;
      const r = await axe.run(inc ? { include: inc.map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: tags },
      });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
        })),
        passes: r.passes.length,
        contrastNodes: [...r.passes, ...r.violations, ...r.incomplete]
          .filter((x) => x.id === 'color-contrast')
          .reduce((s, x) => s + x.nodes.length, 0),
      };
    },
    AXE_TAGS,
    include ?? null,
  );
}

/** The part of axe-core's API the audit uses (in the page; axe-core's own types are not loaded there). */
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
interface AxeApi {
  run(
    context: Document | { include: string[][] },
    options: object,
  ): Promise<{ violations: AxeResult[]; passes: AxeResult[]; incomplete: AxeResult[] }>;
}

/** One line for the test log: `axe (<browser>) <state>: violations=N passes=N contrast-checked=N`, then the details. */
export function describeReport(browser: string, state: string, r: AxeReport): string {
  const head = `axe (${browser}) ${state}: violations=${r.violations.length} passes=${r.passes} contrast-checked=${r.contrastNodes}`;
  return [head, ...r.violations.map((v) => `  ${v.id} [${v.impact}] ${v.help}\n    ${v.nodes.join('\n    ')}`)].join(
    '\n',
  );
}

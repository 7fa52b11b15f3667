import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';

/** WCAG 2.1 A and AA: labels, names, roles, contrast, focusable modals. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 AA rules on what the page shows now. Returns one line per violation (rule,
 * impact, first offending node, how to fix) so a failing test says what to change.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map((v) => {
    const node = v.nodes[0];
    const summary = (node?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240);
    return `${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length}×) ${node?.target.join(' ') ?? ''}: ${summary}`;
  });
}

import type { AuditCheckResult } from '@shared/plan-content';

/** One check result; `passed: false` with `severity: 'block'` stops the plan (`bloqueado`). */
export function checkResult(
  id: string,
  severity: AuditCheckResult['severity'],
  passed: boolean,
  reason: string,
): AuditCheckResult {
  return { id, severity, passed, reason };
}

/** "a, b y c" — lists read naturally in Spanish reasons; long lists are cut with a count. */
export function listEs(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join('; ')} y ${rest} más`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join('; ')} y ${shown[shown.length - 1] ?? ''}`;
}

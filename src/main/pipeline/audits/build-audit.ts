import type { LlmReview } from '@shared/agent-outputs/common';
import type { AuditCheckResult, AuditResult } from '@shared/plan-content';

/**
 * The plan's `audit` (E8/N8): the code checks decide the status, the LLM review only adds
 * warnings and recommendations. A failed block check → `bloqueado`; otherwise any failed warn
 * check or LLM warning → `con_warnings`; otherwise `aprobado`. Failed `info` checks never change
 * the status. Without an LLM review (the call failed) the status still comes from the checks.
 */
export function buildAudit(checks: readonly AuditCheckResult[], llmReview: LlmReview | null): AuditResult {
  const failed = checks.filter((result) => !result.passed);
  const blocked = failed.some((result) => result.severity === 'block');
  const warnReasons = failed
    .filter((result) => result.severity === 'warn')
    .map((result) => `${result.id}: ${result.reason}`);
  const warnings = [...warnReasons, ...(llmReview?.warnings ?? [])];
  return {
    status: blocked ? 'bloqueado' : warnings.length > 0 ? 'con_warnings' : 'aprobado',
    checks: [...checks],
    warnings,
    recomendaciones: [...(llmReview?.recomendaciones ?? [])],
    revision:
      llmReview?.revision ??
      'Revisión del modelo no disponible: el estado se basa solo en los controles automáticos.',
  };
}

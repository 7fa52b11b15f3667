import type { z } from 'zod';
import type { LlmReview } from '@shared/agent-outputs/common';
import type { AuditCheckResult, AuditResult } from '@shared/plan-content';
import type { PlanAudit } from '@shared/plans';
import { buildAudit } from './build-audit';
import { checkResult } from './check';

/*
 * Helpers of the re-audit of a coach-edited plan (reaudit.ts): what E8/N8's model said, recovered
 * from the stored audit, and the `REAUDIT` block for a document the audits cannot read
 * (docs/AUDITS.md "Re-audit of an edited plan").
 */

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The LLM review `buildAudit` was given when the plan was generated: its recommendations and
 * revision, and the stored warnings minus those `buildAudit` composed from failed warn checks
 * (`${id}: ${reason}`, one per check, listed first). Null when the stored audit holds nothing of
 * the model's — `buildAudit(checks, null)` then says the review is unavailable, as it did.
 */
export function recoverLlmReview(audit: PlanAudit | null | undefined): LlmReview | null {
  if (!audit) return null;
  const composed = new Map<string, number>();
  for (const check of Array.isArray(audit.checks) ? audit.checks : []) {
    if (check.passed || check.severity !== 'warn') continue;
    const text = `${check.id}: ${check.reason}`;
    composed.set(text, (composed.get(text) ?? 0) + 1);
  }
  // One removal per check: the model may have written the very same sentence once more.
  const warnings = strings(audit.warnings).filter((warning) => {
    const left = composed.get(warning) ?? 0;
    if (left === 0) return true;
    composed.set(warning, left - 1);
    return false;
  });
  const recomendaciones = strings(audit.recomendaciones);
  const stored = audit['revision'];
  if (typeof stored === 'string' && stored.trim() !== '') {
    return { revision: stored, warnings, recomendaciones };
  }
  if (warnings.length === 0 && recomendaciones.length === 0) return null;
  return { revision: buildAudit([], null).revision, warnings, recomendaciones };
}

/** A field of the stored document, parsed with the strict shape the pipeline wrote it in. */
export type FieldRead<T> = { ok: true; value: T } | { ok: false; reason: string };

export function readField<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field: string,
): FieldRead<z.infer<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
  return {
    ok: false,
    reason: `el campo «${field}» no tiene la forma que la auditoría necesita${where}`,
  };
}

/**
 * A document the audits cannot read is blocked, never passed: it cannot be delivered without the
 * coach's written approval (docs/AUDITS.md §8).
 */
export function reauditFailure(why: string, llmReview: LlmReview | null): AuditResult {
  const check: AuditCheckResult = checkResult(
    'REAUDIT',
    'block',
    false,
    `No se pudo volver a auditar el plan editado: ${why}. No se puede entregar sin la aprobación escrita del entrenador.`,
  );
  return buildAudit([check], llmReview);
}

/** `error.message` of a throw inside the audits, phrased for the REAUDIT reason. */
export function thrownReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `la auditoría falló al leer el plan (${message})`;
}

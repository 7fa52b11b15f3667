import { AGENT_NAMES } from '@shared/agent-names';
import { E8OutputSchema, type E2Output, type E4Output, type E7Output } from '@shared/agent-outputs/training';
import type { AuditResult, ClientSummary, SafeSessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { outputOf } from '../select-helpers';
import { auditTraining, buildAudit } from '../../audits';

export const e8TechnicalAuditor = defineAgent({
  id: 'E8',
  name: AGENT_NAMES.E8,
  phase: 'training',
  field: 'audit',
  // The review judges by the rules alone: a regeneration's coach note is not shown to it.
  takesCoachNote: false,
  // After E7: TRN-15 checks the client's text against the sessions before the plan is audited.
  dependsOn: ['E7', 'E6', 'E4', 'E2', 'E1'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    const safe = outputOf<SafeSessionsField>(inputs, 'E6');
    // The hard checks are code (docs/AUDITS.md "2. Training audit (TRN-\*) — E8"): an LLM auditor once approved 35 weekly chest sets.
    const checks = auditTraining({
      facts: summary.perfil,
      capacity: outputOf<E2Output>(inputs, 'E2'),
      mesocycle: outputOf<E4Output>(inputs, 'E4'),
      safeSessions: safe,
      formattedPlan: outputOf<E7Output>(inputs, 'E7'),
      previousTargets:
        (inputs.previousPlan?.training.mesocycle as Partial<E4Output> | undefined)
          ?.series_semanales_objetivo ?? [],
    });
    return {
      checks,
      objetivo: summary.objetivo_interpretado,
      restricciones: summary.restricciones,
      series_semanales: safe.series_semanales,
      sesiones: safe.sesiones.map((s) => ({
        dia: s.dia,
        minutos: s.duracion_min,
        ejercicios: s.ejercicios.map((e) => e.ejercicio_id),
      })),
    };
  },
  outputSchema: E8OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Auditor técnico (E8)',
        rules: [
          'Los checks ya están calculados por el sistema y son definitivos: no los contradigas ni los repitas.',
          'Revisa lo que el código no ve: coherencia con el objetivo, orden de ejercicios, fatiga acumulada, adherencia.',
          'warnings: solo problemas reales; recomendaciones: cambios concretos para el entrenador.',
        ],
        data: { ...input, checks: input.checks.filter((c) => !c.passed) },
        task: 'Devuelve tu revisión del plan.',
      },
      language,
    ),
  finalize: (output, input): AuditResult => buildAudit(input.checks, output),
});

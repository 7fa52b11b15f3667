import { AGENT_NAMES } from '@shared/agent-names';
import { N8OutputSchema, type N7Output } from '@shared/agent-outputs/nutrition';
import type { MenuPlan } from '@shared/menu-plan';
import type {
  AuditResult,
  EnergyStrategy,
  MacroDesign,
  Metabolism,
  NutritionProfile,
  WeeklyStructure,
} from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { outputOf } from '../select-helpers';
import { auditNutrition, buildAudit } from '../../audits';

export const n8Watchdog = defineAgent({
  id: 'N8',
  name: AGENT_NAMES.N8,
  phase: 'nutrition',
  field: 'audit',
  // The review judges by the rules alone: a regeneration's coach note is not shown to it.
  takesCoachNote: false,
  // Every field it judges (N5's meal times reach it through N6's menus).
  dependsOn: ['N0', 'N1', 'N2', 'N3', 'N4', 'N6', 'N7'],
  select: (inputs) => {
    const profile = outputOf<NutritionProfile>(inputs, 'N0');
    const checks = auditNutrition({
      facts: profile.datos,
      metabolism: outputOf<Metabolism>(inputs, 'N1'),
      energy: outputOf<EnergyStrategy>(inputs, 'N2'),
      macros: outputOf<MacroDesign>(inputs, 'N3'),
      menu: outputOf<MenuPlan>(inputs, 'N6'),
      adherence: outputOf<N7Output>(inputs, 'N7'),
      // NUT-20 reads the texts the client will read, N4's and N7's included.
      weekly_structure: outputOf<WeeklyStructure>(inputs, 'N4'),
      adherence_texts: outputOf<N7Output>(inputs, 'N7'),
      // Coffee and drinks the client already takes count towards the caffeine cap (NUT-17).
      cafeina_mg_dia: inputs.questionnaire.responses.cafeina_mg_dia ?? null,
    });
    return {
      checks,
      resumen: profile.resumen,
      objetivo: profile.datos.objetivo,
      energia: outputOf<EnergyStrategy>(inputs, 'N2').por_tipo_dia,
    };
  },
  outputSchema: N8OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Watchdog nutricional (N8), última revisión de seguridad',
        rules: [
          'Los checks ya están calculados por el sistema y son definitivos: no los contradigas.',
          'Revisa lo que el código no ve: variedad, practicidad, coherencia con las preferencias y el objetivo.',
        ],
        data: { ...input, checks: input.checks.filter((c) => !c.passed) },
        task: 'Devuelve tu revisión del plan nutricional.',
      },
      language,
    ),
  finalize: (output, input): AuditResult => buildAudit(input.checks, output),
});

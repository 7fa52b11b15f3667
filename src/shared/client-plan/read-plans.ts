import type { z } from 'zod';
import { E7OutputSchema, type E7Output, type Session } from '../agent-outputs/training';
import { N5OutputSchema, N7OutputSchema, type N5Output, type N7Output } from '../agent-outputs/nutrition';
import { MenuPlanSchema, type MenuPlan } from '../menu-plan';
import {
  BridgeSchema,
  ClientSummarySchema,
  MacroDesignSchema,
  MesocycleSchema,
  NutritionProfileSchema,
  SafeSessionsFieldSchema,
  SessionsFieldSchema,
  WeeklyStructureSchema,
  type Bridge,
  type ClientSummary,
  type MacroDesign,
  type Mesocycle,
  type NutritionProfile,
  type WeeklyStructure,
} from '../plan-content';
import type { NutritionPlanDocument, TrainingPlanDocument } from '../plans';

/*
 * The stored plan documents keep each agent's field as a loose object (src/shared/plans.ts); the
 * client version reads each through the strict shape the pipeline writes (src/shared/plan-content.ts
 * and the agent outputs). A field that does not parse — an older plan, a hand edit — is treated as
 * absent, so its section is left out instead of printed half-read.
 */

function read<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface TrainingView {
  summary?: ClientSummary;
  mesocycle?: Mesocycle;
  /** The injury-safe week (E6), or E5's when E6's did not parse. */
  sessions: Session[];
  correctives: { ejercicio_id: string; series: number; repeticiones: string; momento: string }[];
  formatted?: E7Output;
  bridge?: Bridge;
}

export interface NutritionView {
  profile?: NutritionProfile;
  macros?: MacroDesign;
  weekly?: WeeklyStructure;
  timing?: N5Output;
  menu?: MenuPlan;
  adherence?: N7Output;
}

export function readTraining(plan: TrainingPlanDocument): TrainingView {
  const t = plan.training;
  const safe = read(SafeSessionsFieldSchema, t.safe_sessions);
  const designed = safe ? undefined : read(SessionsFieldSchema, t.sessions);
  return {
    summary: read(ClientSummarySchema, t.client_summary),
    mesocycle: read(MesocycleSchema, t.mesocycle),
    sessions: safe?.sesiones ?? designed?.sesiones ?? [],
    correctives: safe?.correctivos ?? [],
    formatted: read(E7OutputSchema, t.formatted_plan),
    bridge: read(BridgeSchema, t.bridge_for_nutrition),
  };
}

export function readNutrition(plan: NutritionPlanDocument): NutritionView {
  const n = plan.nutrition;
  return {
    profile: read(NutritionProfileSchema, n.profile),
    macros: read(MacroDesignSchema, n.macro_design),
    weekly: read(WeeklyStructureSchema, n.weekly_structure),
    timing: read(N5OutputSchema, n.timing_plan),
    menu: read(MenuPlanSchema, n.menu_plan),
    adherence: read(N7OutputSchema, n.adherence_report),
  };
}

import { z } from 'zod';
import { DayTypeSchema, DiaSchema } from './agent-outputs/common';
import { BridgeSchema, WeeklyStructureSchema } from './plan-content';
import type { NutritionPlanDocument, TrainingPlanDocument } from './plans';
import { versionOf } from './plan-versions';

/*
 * A nutrition plan's week follows the training plan it was built on: N4 copies E9's bridge day by
 * day (which days train, which are high/medium/low energy) and the menus are written per day type.
 * When the coach later edits or regenerates that training plan (a session moved to another day),
 * the menus follow a week that no longer exists. Nothing is unsafe in itself, but the plan no
 * longer fits: this names the days that differ, so the coach can regenerate the menus or review
 * them (docs/ARCHITECTURE.md "Plan versions and review").
 */

const DayPlanSchema = z.object({ tipo_dia: DayTypeSchema, entrena: z.boolean() });

export const WeekDriftSchema = z.object({
  training_plan_id: z.string(),
  /** The training plan's current version, whose week differs. */
  training_version: z.number().int().min(1),
  days: z.array(z.object({ dia: DiaSchema, menus: DayPlanSchema, training: DayPlanSchema })),
});
export type WeekDrift = z.infer<typeof WeekDriftSchema>;

/** The weekdays where the menus' week and the training plan's current week differ; null when they agree. */
export function weekDrift(
  nutrition: NutritionPlanDocument,
  training: TrainingPlanDocument | null,
): WeekDrift | null {
  if (!training || nutrition.training_plan_id !== training._id) return null;
  const menus = WeeklyStructureSchema.shape.semana.safeParse(nutrition.nutrition.weekly_structure['semana']);
  const bridge = BridgeSchema.shape.semana.safeParse(training.training.bridge_for_nutrition['semana']);
  // A week either side cannot read (an older document) is not a difference anyone can show.
  if (!menus.success || !bridge.success) return null;
  const trainingDay = new Map(bridge.data.map((day) => [day.dia, day]));
  const days = menus.data.flatMap((day) => {
    const other = trainingDay.get(day.dia);
    if (!other || (other.tipo_dia === day.tipo_dia && other.entrena === day.entrena)) return [];
    return [
      {
        dia: day.dia,
        menus: { tipo_dia: day.tipo_dia, entrena: day.entrena },
        training: { tipo_dia: other.tipo_dia, entrena: other.entrena },
      },
    ];
  });
  return days.length === 0
    ? null
    : { training_plan_id: training._id, training_version: versionOf(training), days };
}

import { z } from 'zod';
import { DayTypeSchema, DiaSchema, NivelSchema } from './agent-outputs/common';
import {
  E1OutputSchema,
  E4OutputSchema,
  E5OutputSchema,
  E6OutputSchema,
  E9OutputSchema,
} from './agent-outputs/training';
import { N0OutputSchema } from './agent-outputs/nutrition';

/*
 * What the pipeline stores in `training.*` / `nutrition.*`: each agent's LLM output together with
 * the facts computed by code for it (docs/ARCHITECTURE.md "Numbers by code, words by the LLM"). The audits, the
 * plan screen and the validation report read these shapes.
 */

export const AuditCheckResultSchema = z.object({
  id: z.string(),
  severity: z.enum(['block', 'warn', 'info']),
  passed: z.boolean(),
  reason: z.string(),
});
export type AuditCheckResult = z.infer<typeof AuditCheckResultSchema>;

export const AuditResultSchema = z.object({
  status: z.enum(['aprobado', 'con_warnings', 'bloqueado']),
  checks: z.array(AuditCheckResultSchema),
  warnings: z.array(z.string()),
  recomendaciones: z.array(z.string()),
  revision: z.string(),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;

export const InjuryFactSchema = z.object({
  zona: z.string(),
  descripcion: z.string(),
  estado: z.enum(['activa', 'cronica', 'recuperada']),
  /** Catalog contraindication tags that this injury rules out. */
  tags: z.array(z.string()),
});

/**
 * An answer the reader could not classify with certainty (docs/DOMAIN.md, "Reading free-text
 * answers"): the agents treat it as a restriction and the audits count it until the coach resolves
 * it. `palabras`: words of the answer a plan item could match.
 */
export const ReviewItemFactSchema = z.object({
  tema: z.string(),
  campo: z.string(),
  texto: z.string(),
  palabras: z.array(z.string()),
});
export type ReviewItemFact = z.infer<typeof ReviewItemFactSchema>;

/** Facts about the client computed from the questionnaire (no LLM). */
export const ClientFactsSchema = z.object({
  edad: z.number(),
  sexo: z.enum(['Hombre', 'Mujer']),
  peso_kg: z.number(),
  altura_cm: z.number(),
  imc: z.number(),
  objetivo: z.string(),
  nivel_experiencia: NivelSchema,
  dias_disponibles: z.number().int().min(1).max(7),
  dias_semana: z.array(DiaSchema),
  duracion_sesion_min: z.number().int(),
  material: z.array(z.string()),
  lesiones: z.array(InjuryFactSchema),
  tags_contraindicados: z.array(z.string()),
  ejercicios_excluidos: z.array(z.string()),
  /** Open questions about health answers (plans stored before the reader existed have none). */
  por_revisar: z.array(ReviewItemFactSchema).default([]),
});
export type ClientFacts = z.infer<typeof ClientFactsSchema>;

export const ClientSummarySchema = E1OutputSchema.extend({ perfil: ClientFactsSchema });
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export const MesocycleSchema = E4OutputSchema;
export type Mesocycle = z.infer<typeof MesocycleSchema>;

/** Weekly hard sets per muscle, fractional counting (primary 1, secondary 0.5). */
export const WeeklySetsSchema = z.record(z.string(), z.number());

export const SessionsFieldSchema = E5OutputSchema.extend({ series_semanales: WeeklySetsSchema });
export type SessionsField = z.infer<typeof SessionsFieldSchema>;
export const SafeSessionsFieldSchema = E6OutputSchema.extend({ series_semanales: WeeklySetsSchema });
export type SafeSessionsField = z.infer<typeof SafeSessionsFieldSchema>;

export const DayTypeCountsSchema = z.object({
  alto: z.number().int(),
  medio: z.number().int(),
  bajo: z.number().int(),
});
export type DayTypeCounts = z.infer<typeof DayTypeCountsSchema>;

export const BridgeSchema = E9OutputSchema.extend({
  dias_entrenamiento: z.array(DiaSchema),
  sesiones_semana: z.number().int(),
  minutos_semana: z.number(),
  semana: z.array(
    z.object({ dia: DiaSchema, tipo_dia: DayTypeSchema, minutos: z.number(), entrena: z.boolean() }),
  ),
  mapa_energetico: DayTypeCountsSchema,
});
export type Bridge = z.infer<typeof BridgeSchema>;

/** Screening result (docs/DOMAIN.md "Screening" / SCR-*), computed before any token is spent. */
export const ScreeningSchema = z.object({
  blocked: z.boolean(),
  checks: z.array(AuditCheckResultSchema),
  /** No calorie deficit allowed (minor, pregnancy, ED risk, underweight…). */
  no_deficit: z.boolean(),
  caffeine_limit_mg: z.number(),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const NutritionFactsSchema = z.object({
  edad: z.number(),
  sexo: z.enum(['Hombre', 'Mujer']),
  peso_kg: z.number(),
  altura_cm: z.number(),
  imc: z.number(),
  objetivo: z.string(),
  alergias: z.array(z.string()),
  intolerancias: z.array(z.string()),
  patron_alimentario: z.string(),
  alimentos_no_gustan: z.array(z.string()),
  comidas_dia: z.number().int(),
  screening: ScreeningSchema,
  /** Open questions about allergies and intolerances: NUT-14 blocks any ingredient they could match. */
  por_revisar: z.array(ReviewItemFactSchema).default([]),
});
export type NutritionFacts = z.infer<typeof NutritionFactsSchema>;

export const NutritionProfileSchema = N0OutputSchema.extend({ datos: NutritionFactsSchema });
export type NutritionProfile = z.infer<typeof NutritionProfileSchema>;

export const MetabolismSchema = z.object({
  bmr: z.number(),
  ecuacion: z.enum(['mifflin_st_jeor', 'katch_mcardle']),
  pal: z.number(),
  tdee: z.number(),
  entradas: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  explicacion: z.string(),
});
export type Metabolism = z.infer<typeof MetabolismSchema>;

export const EnergyStrategySchema = z.object({
  objetivo: z.string(),
  kcal_objetivo: z.number(),
  por_tipo_dia: z.object({ alto: z.number(), medio: z.number(), bajo: z.number() }),
  dias_por_tipo: DayTypeCountsSchema,
  media_semanal: z.number(),
  deficit_pct: z.number(),
  cambio_semanal_pct: z.number(),
  explicacion: z.string(),
});
export type EnergyStrategy = z.infer<typeof EnergyStrategySchema>;

export const MacroDaySchema = z.object({
  kcal: z.number(),
  proteina_g: z.number(),
  grasa_g: z.number(),
  carbohidratos_g: z.number(),
});
export type MacroDay = z.infer<typeof MacroDaySchema>;

export const MacroDesignSchema = z.object({
  por_tipo_dia: z.object({ alto: MacroDaySchema, medio: MacroDaySchema, bajo: MacroDaySchema }),
  proteina_g_kg: z.number(),
  grasa_pct: z.number(),
  explicacion: z.string(),
});
export type MacroDesign = z.infer<typeof MacroDesignSchema>;

export const WeeklyStructureSchema = z.object({
  semana: z.array(z.object({ dia: DiaSchema, tipo_dia: DayTypeSchema, entrena: z.boolean() })),
  explicacion: z.string(),
});
export type WeeklyStructure = z.infer<typeof WeeklyStructureSchema>;

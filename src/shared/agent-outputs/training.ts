import { z } from 'zod';
import { DiaSchema, LlmReviewSchema, NivelSchema, ObjetivoSchema } from './common';

/** E1 Analista del atleta — interprets the questionnaire (free text included) for the coach. */
export const E1OutputSchema = z.object({
  resumen: z.string().min(1).max(2000),
  objetivo_interpretado: ObjetivoSchema,
  restricciones: z
    .array(
      z.object({
        zona: z.string().min(1),
        descripcion: z.string(),
        estado: z.enum(['activa', 'cronica', 'recuperada']),
        evitar: z.string(),
      }),
    )
    .max(10),
  prehab: z.array(z.object({ zona: z.string(), recomendacion: z.string() })).max(10),
  banderas: z.array(z.string().max(300)).max(10),
  progreso_previo: z.string().nullable(),
});
export type E1Output = z.infer<typeof E1OutputSchema>;

/** E2 Capacidad y riesgo. */
export const SPLIT_VALUES = [
  'full_body',
  'torso_pierna',
  'empuje_traccion_pierna',
  'rutina_dividida',
  'hibrido',
] as const;
export const E2OutputSchema = z.object({
  nivel: NivelSchema,
  split: z.enum(SPLIT_VALUES),
  dias_semana: z.number().int().min(1).max(7),
  rir_objetivo: z.number().int().min(0).max(5),
  riesgo: z.enum(['bajo', 'moderado', 'alto']),
  justificacion: z.string().min(1).max(1500),
});
export type E2Output = z.infer<typeof E2OutputSchema>;

/** E3 Historial y adaptación. */
export const E3OutputSchema = z.object({
  estrategia: z.string().min(1).max(1500),
  enfasis: z.array(z.string()).max(8),
  tolerancia_volumen: z.enum(['baja', 'media', 'alta']),
  notas: z.string().max(1500),
});
export type E3Output = z.infer<typeof E3OutputSchema>;

/** E4 Arquitecto del mesociclo. */
export const FASE_VALUES = ['adaptacion', 'acumulacion', 'intensificacion', 'descarga'] as const;
export const E4OutputSchema = z.object({
  duracion_semanas: z.number().int().min(2).max(12),
  semanas: z
    .array(
      z.object({
        semana: z.number().int().min(1).max(12),
        fase: z.enum(FASE_VALUES),
        rir_objetivo: z.number().int().min(0).max(5),
        /** Multiplier on the base weekly sets (1 = base; a deload lowers it). */
        factor_volumen: z.number().min(0.3).max(1.5),
        cambio_carga_pct: z.number().min(-30).max(20),
        notas: z.string().max(500),
      }),
    )
    .min(2)
    .max(12),
  series_semanales_objetivo: z
    .array(z.object({ musculo: z.string().min(1), series: z.number().min(0).max(40) }))
    .min(1)
    .max(20),
  progresion: z.string().min(1).max(1500),
});
export type E4Output = z.infer<typeof E4OutputSchema>;

export const PrescribedExerciseSchema = z.object({
  ejercicio_id: z.string().min(1),
  series: z.number().int().min(1).max(10),
  reps_min: z.number().int().min(1).max(50),
  reps_max: z.number().int().min(1).max(50),
  rir: z.number().int().min(0).max(5),
  rpe: z.number().min(1).max(10).nullable(),
  descanso_seg: z.number().int().min(15).max(600),
  tempo: z.string().nullable(),
  notas: z.string().nullable(),
});
export type PrescribedExercise = z.infer<typeof PrescribedExerciseSchema>;

export const SessionSchema = z.object({
  dia: DiaSchema,
  nombre: z.string().min(1).max(120),
  duracion_min: z.number().int().min(10).max(240),
  ejercicios: z.array(PrescribedExerciseSchema).min(1).max(14),
});
export type Session = z.infer<typeof SessionSchema>;

/** E5 Ingeniero de microciclos: exercises by catalog id only. */
export const E5OutputSchema = z.object({
  sesiones: z.array(SessionSchema).min(1).max(7),
});
export type E5Output = z.infer<typeof E5OutputSchema>;

const SubstitutionSchema = z.object({ original_id: z.string(), nuevo_id: z.string(), motivo: z.string() });
const CorrectiveSchema = z.object({
  ejercicio_id: z.string(),
  series: z.number().int().min(1).max(5),
  repeticiones: z.string(),
  momento: z.enum(['calentamiento', 'final']),
});

/**
 * What E6 Técnico clínico answers: the exercises to swap and the correctives, not the week — code
 * applies the swaps to E5's week (issue #19: E6 no longer rewrites ~1 000 tokens of sessions, and the
 * week's days, minutes and sets cannot drift from E5's).
 */
export const E6AnswerSchema = z.object({
  sustituciones: z.array(SubstitutionSchema).max(30),
  correctivos: z.array(CorrectiveSchema).max(10),
});
export type E6Answer = z.infer<typeof E6AnswerSchema>;

/** E6's stored field: the injury-safe version of E5's week, with the swaps and correctives. */
export const E6OutputSchema = E6AnswerSchema.extend({
  sesiones: z.array(SessionSchema).min(1).max(7),
});
export type E6Output = z.infer<typeof E6OutputSchema>;

/** E7 Visualizador: what the client reads. */
export const E7OutputSchema = z.object({
  titulo: z.string().min(1).max(200),
  introduccion: z.string().min(1).max(2000),
  dias: z
    .array(z.object({ dia: DiaSchema, titulo: z.string(), texto: z.string().max(3000) }))
    .min(1)
    .max(7),
  consejos: z.array(z.string().max(400)).max(12),
});
export type E7Output = z.infer<typeof E7OutputSchema>;

/** E8 Auditor técnico — the LLM part only; deterministic checks are added by code. */
export const E8OutputSchema = LlmReviewSchema;

/** E9 Puente a nutrición — the numbers come from code; the LLM adds notes for the nutrition agents. */
export const E9OutputSchema = z.object({
  notas_para_nutricion: z.string().min(1).max(1500),
});
export type E9Output = z.infer<typeof E9OutputSchema>;

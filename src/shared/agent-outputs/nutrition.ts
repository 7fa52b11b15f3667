import { z } from 'zod';
import { ExplanationSchema, LlmReviewSchema } from './common';

/** N0 Triage: eligibility and what to refer; the screening flags themselves are computed by code. */
export const N0OutputSchema = z.object({
  elegibilidad: z.enum(['apto', 'apto_con_precauciones', 'derivar']),
  derivaciones: z.array(z.string().max(300)).max(10),
  preferencias: z.string().max(1500),
  resumen: z.string().min(1).max(2000),
});
export type N0Output = z.infer<typeof N0OutputSchema>;

/** N1–N4 explain numbers computed by code. */
export const N1OutputSchema = ExplanationSchema;
export const N2OutputSchema = ExplanationSchema;
export const N3OutputSchema = ExplanationSchema;
export const N4OutputSchema = ExplanationSchema;

/** N5 Reparto y timing: share of each day's macros per meal (percentages, checked to sum 100). */
export const N5OutputSchema = z.object({
  comidas: z
    .array(
      z.object({
        nombre: z.string().min(1).max(60),
        hora: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        proteina_pct: z.number().min(0).max(100),
        carbohidratos_pct: z.number().min(0).max(100),
        grasa_pct: z.number().min(0).max(100),
        nota: z.string().max(300),
      }),
    )
    .min(2)
    .max(7),
  peri_entreno: z.string().max(1000),
});
export type N5Output = z.infer<typeof N5OutputSchema>;

/** N7 Coach de adherencia. */
export const N7OutputSchema = z.object({
  habitos: z.array(z.string().max(300)).min(1).max(10),
  hidratacion: z.string().max(500),
  suplementos: z
    .array(
      z.object({
        nombre: z.string(),
        dosis: z.string(),
        motivo: z.string(),
        cafeina_mg: z.number().min(0).max(1000),
      }),
    )
    .max(8),
  barreras: z.array(z.string().max(300)).max(10),
  estrategias: z.array(z.string().max(300)).max(10),
});
export type N7Output = z.infer<typeof N7OutputSchema>;

/** N8 Watchdog — the LLM part only; deterministic checks are added by code. */
export const N8OutputSchema = LlmReviewSchema;

import { z } from 'zod';
import { DIA_SEMANA_VALUES, NIVEL_EXPERIENCIA_VALUES, OBJETIVO_PRINCIPAL_VALUES } from '../questionnaire';

/*
 * Output schemas of the agents: what each LLM call must return (strict JSON schema through the
 * `openai` SDK). They avoid optional fields and unions — OpenAI's strict structured outputs need
 * every property present — and use `nullable` for "no value". Numbers a program can compute are
 * not here: the pipeline computes them and stores them beside the LLM's text
 * (docs/ARCHITECTURE.md "Numbers by code, words by the LLM").
 */

export const DiaSchema = z.enum(DIA_SEMANA_VALUES);
export const NivelSchema = z.enum(NIVEL_EXPERIENCIA_VALUES);
export const ObjetivoSchema = z.enum(OBJETIVO_PRINCIPAL_VALUES);
export const DayTypeSchema = z.enum(['alto', 'medio', 'bajo']);
export type DayType = z.infer<typeof DayTypeSchema>;

/** A short, client-facing explanation: the LLM explains numbers, it does not produce them. */
export const ExplanationSchema = z.object({
  explicacion: z.string().min(1).max(2000),
});

export const LlmReviewSchema = z.object({
  revision: z.string().min(1).max(3000),
  warnings: z.array(z.string().max(400)).max(20),
  recomendaciones: z.array(z.string().max(400)).max(20),
});
export type LlmReview = z.infer<typeof LlmReviewSchema>;

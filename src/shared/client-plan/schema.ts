import { z } from 'zod';

/*
 * The client version of a plan: exactly what the client reads, already in the client's language
 * and already worded for a person. No field here is an enum, a code, a rule id or an audit verdict:
 * the PDF renderer prints these strings as they are, so anything internal that slipped in would
 * reach the client. Sections the stored plans cannot fill are left out (optional), never filled
 * with placeholders.
 */

const Text = z.string().min(1);
const Grams = z.number().nonnegative();

export const CLIENT_PLAN_LANGUAGES = ['es', 'en'] as const;
export const ClientPlanLanguageSchema = z.enum(CLIENT_PLAN_LANGUAGES);
export type ClientPlanLanguage = z.infer<typeof ClientPlanLanguageSchema>;

export const ClientPlanCoachSchema = z.object({
  name: Text,
  contact: Text.optional(),
  /** An image as a data URL (`data:image/png;base64,…`), embedded so the PDF needs no file access. */
  logo: z
    .string()
    .regex(/^data:image\/[a-z0-9.+-]+;base64,/i)
    .optional(),
});
export type ClientPlanCoach = z.infer<typeof ClientPlanCoachSchema>;

export const ClientPlanMetaSchema = z.object({
  language: ClientPlanLanguageSchema,
  /** By the plans present: "Tu plan de entrenamiento y nutrición", "Tu plan de entrenamiento"… */
  title: Text,
  clientName: Text,
  /** Absent when the coach has not set a name: the document then has no coach block. */
  coach: ClientPlanCoachSchema.optional(),
  /** The plan's creation date, written out ("3 de marzo de 2025" / "3 March 2025"). */
  createdDate: Text,
  /** "Versión 1" / "Version 1". */
  versionLabel: Text,
  /** "Semanas 1–6" / "Weeks 1–6"; absent without a mesocycle. */
  period: Text.optional(),
});
export type ClientPlanMeta = z.infer<typeof ClientPlanMetaSchema>;

/** Macronutrient targets of one day type, as numbers and as one sentence. */
export const ClientDailyTargetsSchema = z.object({
  kcal: Grams,
  proteinG: Grams,
  carbsG: Grams,
  fatG: Grams,
  /** "2.400 kcal: 160 g de proteína, 280 g de hidratos de carbono y 70 g de grasa." */
  text: Text,
});
export type ClientDailyTargets = z.infer<typeof ClientDailyTargetsSchema>;

export const ClientCalendarDaySchema = z.object({
  /** 0 = Monday … 6 = Sunday. */
  dayIndex: z.number().int().min(0).max(6),
  /** "Lunes" / "Monday". */
  dayName: Text,
  /** Index into `sessions`; absent on a rest day or without a training plan. */
  sessionIndex: z.number().int().nonnegative().optional(),
  /** "Sesión A1 · Pierna y glúteo", or "Descanso" / "Rest". */
  trainingLabel: Text.optional(),
  /** "Día de entrenamiento intenso" … ; absent without a nutrition plan. */
  dayTypeLabel: Text.optional(),
  /** Index into `nutrition.dayTypes`. */
  dayTypeIndex: z.number().int().nonnegative().optional(),
});
export type ClientCalendarDay = z.infer<typeof ClientCalendarDaySchema>;

export const ClientExerciseSchema = z.object({
  name: Text,
  sets: z.number().int().positive(),
  /** "8–10" or "12". */
  reps: Text,
  /** "3 × 8–10". */
  setsReps: Text,
  /** The effort in words, with the RIR (and RPE when given) explained. */
  effort: Text,
  /** "Descansa 2 min entre series". */
  rest: Text,
  /**
   * The tempo explained, WITHOUT a label (the PDF prints "Ritmo:" / "Tempo:" before it):
   * "3-1-X-0: 3 s bajando, 1 s de pausa abajo, sube de forma explosiva, lo más rápido que puedas con
   * control y sin pausa arriba"; a tempo that does not parse, as the plan wrote it.
   */
  tempo: Text.optional(),
  /** One technique cue derived from the exercise's catalog data. */
  cue: Text.optional(),
  /** The coach's (pipeline's) note on this exercise. */
  notes: Text.optional(),
});
export type ClientExercise = z.infer<typeof ClientExerciseSchema>;

/** A corrective or mobility drill done before (warm-up) or after the session. */
export const ClientDrillSchema = z.object({
  name: Text,
  /** "2 × 10 repeticiones". */
  prescription: Text,
});
export type ClientDrill = z.infer<typeof ClientDrillSchema>;

export const ClientSessionSchema = z.object({
  /** Unique in the plan: "Sesión A1", "Sesión A2" when the stored label repeats. */
  title: Text,
  /** Main muscles worked, in words ("Cuádriceps, glúteos e isquiotibiales"). */
  focus: Text.optional(),
  /** Weekdays of this session ("Lunes", "Jueves"). */
  days: z.array(Text).min(1),
  /** "60 minutos". */
  duration: Text.optional(),
  warmUp: z.array(ClientDrillSchema),
  exercises: z.array(ClientExerciseSchema).min(1),
  coolDown: z.array(ClientDrillSchema),
});
export type ClientSession = z.infer<typeof ClientSessionSchema>;

export const ClientMesocycleWeekSchema = z.object({
  week: z.number().int().positive(),
  /** "Semana 1 · Adaptación". */
  title: Text,
  /** What changes this week, one sentence each (effort, volume, load, the plan's note). */
  changes: z.array(Text).min(1),
  isDeload: z.boolean(),
});
export type ClientMesocycleWeek = z.infer<typeof ClientMesocycleWeekSchema>;

export const ClientMesocycleSchema = z.object({
  weeks: z.array(ClientMesocycleWeekSchema).min(1),
  /** The deload in words; absent when the mesocycle has none. */
  deload: Text.optional(),
  /** How to progress, as the plan explains it. */
  progression: Text.optional(),
});
export type ClientMesocycle = z.infer<typeof ClientMesocycleSchema>;

export const ClientFoodSchema = z.object({
  name: Text,
  grams: Grams,
  /** "2 huevos", "1 taza", "1 cucharada" (approximate, next to the grams). */
  household: Text.optional(),
});
export type ClientFood = z.infer<typeof ClientFoodSchema>;

export const ClientDishSchema = z.object({
  name: Text,
  foods: z.array(ClientFoodSchema).min(1),
});
export type ClientDish = z.infer<typeof ClientDishSchema>;

export const ClientMealSchema = z.object({
  name: Text,
  /** "08:30"; absent only when the stored plan has no meal schedule at all. */
  time: Text.optional(),
  /** "Antes de entrenar" … when the meal sits next to the session. */
  workoutTiming: Text.optional(),
  /** The plan's note for this meal. */
  note: Text.optional(),
  dishes: z.array(ClientDishSchema).min(1),
  /** Swaps the client may make in this meal ("Pollo ↔ pavo o merluza, mismos gramos"). */
  substitutions: z.array(Text),
});
export type ClientMeal = z.infer<typeof ClientMealSchema>;

export const ClientDayTypeMenuSchema = z.object({
  /** "Día de entrenamiento intenso" … */
  label: Text,
  /** Weekdays that use this menu ("Lunes, miércoles y viernes"). */
  daysText: Text,
  daysPerWeek: z.number().int().min(1).max(7),
  targets: ClientDailyTargetsSchema.optional(),
  meals: z.array(ClientMealSchema).min(1),
});
export type ClientDayTypeMenu = z.infer<typeof ClientDayTypeMenuSchema>;

export const ClientShoppingItemSchema = z.object({
  /** What is bought: a cooked food of the menus is listed as its raw form ("Arroz integral (en crudo)"). */
  name: Text,
  /** The week's total in grams (raw weight), rounded up for shopping. */
  grams: Grams,
  /**
   * "1,2 kg", "350 g", with a household measure ("12 huevos (≈720 g)"), or for oils a volume with
   * the bottle it fits in ("330 ml (≈ 0,5 l)").
   */
  quantity: Text,
});
export type ClientShoppingItem = z.infer<typeof ClientShoppingItemSchema>;

export const ClientShoppingGroupSchema = z.object({
  /** "Carne y aves", "Verduras" … */
  group: Text,
  items: z.array(ClientShoppingItemSchema).min(1),
});
export type ClientShoppingGroup = z.infer<typeof ClientShoppingGroupSchema>;

export const ClientNutritionSchema = z.object({
  /** One sentence on what the targets mean and how they vary by day. */
  targetsIntro: Text.optional(),
  dayTypes: z.array(ClientDayTypeMenuSchema).min(1),
  /** Advice on eating around the session, as the plan writes it. */
  periWorkout: Text.optional(),
  /** General equivalences the plan lists. */
  equivalences: z.array(Text),
  shoppingList: z.array(ClientShoppingGroupSchema),
});
export type ClientNutrition = z.infer<typeof ClientNutritionSchema>;

export const ClientDayNoteSchema = z.object({
  dayName: Text,
  title: Text,
  text: Text,
});
export type ClientDayNote = z.infer<typeof ClientDayNoteSchema>;

export const ClientSupplementSchema = z.object({
  name: Text,
  dose: Text,
  reason: Text,
});
export type ClientSupplement = z.infer<typeof ClientSupplementSchema>;

export const ClientAdviceSchema = z.object({
  /** The training plan's introduction (E7). */
  trainingIntro: Text.optional(),
  trainingDayNotes: z.array(ClientDayNoteSchema),
  trainingTips: z.array(Text),
  /** Adherence advice (N7). */
  habits: z.array(Text),
  hydration: Text.optional(),
  supplements: z.array(ClientSupplementSchema),
  strategies: z.array(Text),
});
export type ClientAdvice = z.infer<typeof ClientAdviceSchema>;

export const ClientSafetySchema = z.object({
  /** "Consulta con tu médico antes de…" for each condition, injury or medication that applies. */
  notes: z.array(Text),
  disclaimer: Text,
});
export type ClientSafety = z.infer<typeof ClientSafetySchema>;

export const ClientPlanDocumentSchema = z.object({
  meta: ClientPlanMetaSchema,
  /** Monday to Sunday, always 7 days. */
  calendar: z.array(ClientCalendarDaySchema).length(7),
  /** Absent without a training plan. */
  sessions: z.array(ClientSessionSchema).optional(),
  mesocycle: ClientMesocycleSchema.optional(),
  /** Absent without a nutrition plan. */
  nutrition: ClientNutritionSchema.optional(),
  advice: ClientAdviceSchema,
  safety: ClientSafetySchema,
});
export type ClientPlanDocument = z.infer<typeof ClientPlanDocumentSchema>;

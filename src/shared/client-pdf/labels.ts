import type { ClientPlanLanguage } from '../client-plan/schema';

/**
 * The template's own words (headings, column titles, page numbers). Everything else in the PDF
 * comes, already worded, from the ClientPlanDocument.
 */
export interface ClientPdfLabels {
  page: (current: number, total: number) => string;
  preparedFor: string;
  coach: string;
  contact: string;
  date: string;
  version: string;
  period: string;
  contents: string;
  yourWeek: string;
  training: string;
  nutrition: string;
  rest: string;
  notPlanned: string;
  aboutTraining: string;
  sessionsOverview: string;
  dayTypesOverview: string;
  progression: string;
  week: string;
  whatChanges: string;
  deload: string;
  deloadWeek: string;
  howToProgress: string;
  trainingSection: string;
  days: string;
  duration: string;
  focus: string;
  warmUp: string;
  coolDown: string;
  exercise: string;
  exercises: string;
  setsReps: string;
  effort: string;
  restBetweenSets: string;
  tempo: string;
  prescription: string;
  nutritionSection: string;
  dayType: string;
  dailyTargets: string;
  kcal: string;
  protein: string;
  carbs: string;
  fat: string;
  food: string;
  amount: string;
  household: string;
  substitutions: string;
  periWorkout: string;
  equivalences: string;
  shoppingList: string;
  shoppingIntro: string;
  adviceSection: string;
  trainingNotes: string;
  trainingTips: string;
  habits: string;
  hydration: string;
  supplements: string;
  supplement: string;
  dose: string;
  reason: string;
  strategies: string;
  safety: string;
  disclaimer: string;
}

const ES: ClientPdfLabels = {
  page: (current, total) => `Página ${current} de ${total}`,
  preparedFor: 'Plan preparado para',
  coach: 'Entrenador/a',
  contact: 'Contacto',
  date: 'Fecha',
  version: 'Versión',
  period: 'Periodo',
  contents: 'Contenido',
  yourWeek: 'Tu semana',
  training: 'Entrenamiento',
  nutrition: 'Alimentación',
  rest: 'Descanso',
  notPlanned: '—',
  aboutTraining: 'Sobre tu entrenamiento',
  sessionsOverview: 'Tus sesiones',
  dayTypesOverview: 'Tus tipos de día',
  progression: 'Tu progresión semana a semana',
  week: 'Semana',
  whatChanges: 'Qué cambia',
  deload: 'Descarga',
  deloadWeek: 'Semana de descarga',
  howToProgress: 'Cómo progresar',
  trainingSection: 'Entrenamiento',
  days: 'Días',
  duration: 'Duración',
  focus: 'Trabajo principal',
  warmUp: 'Calentamiento',
  coolDown: 'Vuelta a la calma',
  exercise: 'Ejercicio',
  exercises: 'Ejercicios',
  setsReps: 'Series × reps',
  effort: 'Esfuerzo',
  restBetweenSets: 'Descanso',
  tempo: 'Ritmo',
  prescription: 'Cómo',
  nutritionSection: 'Alimentación',
  dayType: 'Tipo de día',
  dailyTargets: 'Objetivo diario',
  kcal: 'kcal',
  protein: 'Proteína',
  carbs: 'Hidratos',
  fat: 'Grasa',
  food: 'Alimento',
  amount: 'Cantidad',
  household: 'Medida casera',
  substitutions: 'Cambios posibles',
  periWorkout: 'Comer alrededor del entrenamiento',
  equivalences: 'Equivalencias',
  shoppingList: 'Lista de la compra',
  shoppingIntro: 'Cantidades para una semana.',
  adviceSection: 'Consejos',
  trainingNotes: 'Notas por día',
  trainingTips: 'Consejos de entrenamiento',
  habits: 'Hábitos',
  hydration: 'Hidratación',
  supplements: 'Suplementos',
  supplement: 'Suplemento',
  dose: 'Dosis',
  reason: 'Para qué',
  strategies: 'Estrategias',
  safety: 'Salud y seguridad',
  disclaimer: 'Aviso',
};

const EN: ClientPdfLabels = {
  page: (current, total) => `Page ${current} of ${total}`,
  preparedFor: 'Plan prepared for',
  coach: 'Coach',
  contact: 'Contact',
  date: 'Date',
  version: 'Version',
  period: 'Period',
  contents: 'Contents',
  yourWeek: 'Your week',
  training: 'Training',
  nutrition: 'Nutrition',
  rest: 'Rest',
  notPlanned: '—',
  aboutTraining: 'About your training',
  sessionsOverview: 'Your sessions',
  dayTypesOverview: 'Your day types',
  progression: 'Your week-by-week progression',
  week: 'Week',
  whatChanges: 'What changes',
  deload: 'Deload',
  deloadWeek: 'Deload week',
  howToProgress: 'How to progress',
  trainingSection: 'Training',
  days: 'Days',
  duration: 'Duration',
  focus: 'Main focus',
  warmUp: 'Warm-up',
  coolDown: 'Cool-down',
  exercise: 'Exercise',
  exercises: 'Exercises',
  setsReps: 'Sets × reps',
  effort: 'Effort',
  restBetweenSets: 'Rest',
  tempo: 'Tempo',
  prescription: 'How',
  nutritionSection: 'Nutrition',
  dayType: 'Day type',
  dailyTargets: 'Daily target',
  kcal: 'kcal',
  protein: 'Protein',
  carbs: 'Carbs',
  fat: 'Fat',
  food: 'Food',
  amount: 'Amount',
  household: 'Household measure',
  substitutions: 'Possible swaps',
  periWorkout: 'Eating around your workout',
  equivalences: 'Equivalences',
  shoppingList: 'Shopping list',
  shoppingIntro: 'Amounts for one week.',
  adviceSection: 'Advice',
  trainingNotes: 'Notes by day',
  trainingTips: 'Training tips',
  habits: 'Habits',
  hydration: 'Hydration',
  supplements: 'Supplements',
  supplement: 'Supplement',
  dose: 'Dose',
  reason: 'What for',
  strategies: 'Strategies',
  safety: 'Health and safety',
  disclaimer: 'Disclaimer',
};

export function clientPdfLabels(language: ClientPlanLanguage): ClientPdfLabels {
  return language === 'en' ? EN : ES;
}

import { assertInRange } from './common';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Completed years between a birth date (ISO `YYYY-MM-DD` or Date) and `now`, on calendar dates
 * (UTC) so time zones never shift a birthday. A 29 February birthday counts from 1 March in
 * non-leap years.
 */
export function ageYears(fechaNacimiento: string | Date, now: Date): number {
  let y: number, m: number, d: number;
  if (typeof fechaNacimiento === 'string') {
    const match = ISO_DATE.exec(fechaNacimiento.trim());
    if (!match) throw new RangeError(`fecha_nacimiento no es una fecha ISO: "${fechaNacimiento}"`);
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      throw new RangeError(`fecha_nacimiento no existe: "${fechaNacimiento}"`);
    }
  } else {
    if (Number.isNaN(fechaNacimiento.getTime())) throw new RangeError('fecha_nacimiento inválida');
    [y, m, d] = [
      fechaNacimiento.getUTCFullYear(),
      fechaNacimiento.getUTCMonth() + 1,
      fechaNacimiento.getUTCDate(),
    ];
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('fecha actual inválida');
  const [ny, nm, nd] = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  const age = ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
  if (age < 0) throw new RangeError(`fecha_nacimiento en el futuro: ${y}-${m}-${d}`);
  return age;
}

/** Body-mass index, kg/m² (unrounded). [BMI1] */
export function bmi(weightKg: number, heightCm: number): number {
  assertInRange('peso_kg', weightKg, 20, 400);
  assertInRange('altura_cm', heightCm, 90, 260);
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/** WHO adult BMI classes [BMI1][BMI2]. */
export const BMI_CLASSES = [
  'delgadez_severa',
  'delgadez_moderada',
  'delgadez_leve',
  'normal',
  'sobrepeso',
  'obesidad_1',
  'obesidad_2',
  'obesidad_3',
] as const;
export type BmiClass = (typeof BMI_CLASSES)[number];

export const BMI_CLASS_LABELS_ES: Record<BmiClass, string> = {
  delgadez_severa: 'Delgadez severa (< 16)',
  delgadez_moderada: 'Delgadez moderada (16–16,99)',
  delgadez_leve: 'Delgadez leve (17–18,49)',
  normal: 'Normopeso (18,5–24,99)',
  sobrepeso: 'Sobrepeso / preobesidad (25–29,99)',
  obesidad_1: 'Obesidad clase I (30–34,99)',
  obesidad_2: 'Obesidad clase II (35–39,99)',
  obesidad_3: 'Obesidad clase III (≥ 40)',
};

/** WHO cut-offs: 16, 17, 18.5, 25, 30, 35, 40 (lower bound inclusive). [BMI1] */
export function bmiClass(value: number): BmiClass {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`IMC inválido: ${value}`);
  if (value < 16) return 'delgadez_severa';
  if (value < 17) return 'delgadez_moderada';
  if (value < 18.5) return 'delgadez_leve';
  if (value < 25) return 'normal';
  if (value < 30) return 'sobrepeso';
  if (value < 35) return 'obesidad_1';
  if (value < 40) return 'obesidad_2';
  return 'obesidad_3';
}

/** Weight (kg) at a given BMI for a height — e.g. BMI 25 for the adjusted protein weight. */
export function weightAtBmi(targetBmi: number, heightCm: number): number {
  assertInRange('altura_cm', heightCm, 90, 260);
  const m = heightCm / 100;
  return targetBmi * m * m;
}

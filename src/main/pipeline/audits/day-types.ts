import { DayTypeSchema, type DayType } from '@shared/agent-outputs/common';

/** The day types in plan order, and how an audit reason names them (Spanish, like every reason). */
export const DAY_TYPES: readonly DayType[] = DayTypeSchema.options;
export const DAY_LABEL: Record<DayType, string> = { alto: 'día alto', medio: 'día medio', bajo: 'día bajo' };
export type { DayType };

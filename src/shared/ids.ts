import { z } from 'zod';

/**
 * An id in a path, a query or an IPC argument — one rule for both doors: generated ids are UUIDs,
 * imported ones keep the original system's strings.
 */
export const IdSchema = z.string().trim().min(1, 'no puede estar vacío').max(128, 'máximo 128 caracteres');

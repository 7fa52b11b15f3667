import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';

/** A coach's client (collection `users`, the original system's name). */
export const UserSchema = z.object({
  _id: z.string().min(1),
  nombre_completo: z.string().trim().min(1, 'nombre_completo: el nombre no puede estar vacío'),
  email: z.email('email: se esperaba un correo electrónico válido').nullable(),
  telefono: z.string().nullable(),
  notas: z.string().nullable(),
  archived: z.boolean(),
  created_at: z.date(),
  updated_at: z.date(),
  schema_version: SchemaVersionFieldSchema,
});
export type User = z.infer<typeof UserSchema>;

export const NewUserInputSchema = UserSchema.pick({ nombre_completo: true })
  .extend({
    _id: z.string().min(1).max(128).optional(),
    email: UserSchema.shape.email.optional(),
    telefono: z.string().max(64).nullable().optional(),
    notas: z.string().max(10_000).nullable().optional(),
  })
  .strict();
export type NewUserInput = z.infer<typeof NewUserInputSchema>;

export const UserUpdateSchema = NewUserInputSchema.omit({ _id: true })
  .partial()
  .extend({ archived: z.boolean().optional() })
  .strict();
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

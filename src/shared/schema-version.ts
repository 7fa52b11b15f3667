import { z } from 'zod';

/**
 * The stored document's schema version (docs/ARCHITECTURE.md "Schema versions and migrations").
 * Optional: documents written before versions existed have none (version 1). The repositories
 * write it and leave it out of what they read, so no door's view carries it.
 */
export const SchemaVersionFieldSchema = z.number().int().min(1).optional();

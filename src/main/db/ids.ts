import { randomUUID } from 'node:crypto';

/** 122 random bits: ids can be handed out publicly (`GET /jobs/{id}`) without being guessable. */
export function newId(): string {
  return randomUUID();
}

import { z } from 'zod';

/**
 * Scripted faults, consumed in order by the requests they match (an agent id, or any request).
 * `count` requests are affected; then the fault is spent.
 */
export const FaultSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rate_limit'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
    retry_after_s: z.number().min(0).default(1),
  }),
  z.object({
    type: z.literal('server_error'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
    status: z.number().int().default(500),
  }),
  /** Never answers (the client's timeout fires), or answers after `ms`. */
  z.object({
    type: z.literal('hang'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
    ms: z.number().int().optional(),
  }),
  /** A streamed answer that stops after `after_tokens` chunks and then sends nothing, connection open. */
  z.object({
    type: z.literal('stall'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
    after_tokens: z.number().int().min(0).default(5),
  }),
  /** A streamed answer ended after `after_tokens` chunks: the socket reset, or (`clean`) a quiet end. */
  z.object({
    type: z.literal('cut_stream'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
    after_tokens: z.number().int().min(0).default(5),
    clean: z.boolean().default(false),
  }),
  /** A streamed answer without the usage chunk (a server that ignores `stream_options`). */
  z.object({
    type: z.literal('no_usage'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
  }),
  z.object({
    type: z.literal('malformed_json'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
  }),
  /** Valid JSON that breaks the schema (a required field removed). */
  z.object({
    type: z.literal('schema_violation'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
  }),
  /** Closes the connection without an answer: to the client, the endpoint is unreachable. */
  z.object({
    type: z.literal('refuse'),
    agent: z.string().optional(),
    count: z.number().int().min(1).default(1),
  }),
  /** Makes the answer unsafe in a named way, to prove the pipeline catches it. */
  z.object({
    type: z.literal('mutate'),
    agent: z.string(),
    count: z.number().int().min(1).default(1),
    /**
     * `set_text`: the output's `introduccion` becomes `value` (E7's client text); `set_explanation`:
     * its `explicacion` (N1–N4); `set_field`: the string field `field` (N7's `hidratacion`, E2's
     * `justificacion`…); `add_supplement`: N7 recommends `value` at `dose`; `add_ingredient`: N6
     * adds the table food `value` (an id) to the first dish of each menu; `scale_grams`: N6's grams
     * are all multiplied by `value` (calories and protein far from target through the grams alone);
     * `set_dish_name`: the first dish of each menu is called `value`; `add_substitution`: E6 swaps the week's first exercise (or the id in `field`) for `value`.
     */
    mutation: z.enum([
      'add_exercise',
      'add_substitution',
      'add_ingredient',
      'set_series',
      'set_text',
      'set_explanation',
      'set_field',
      'add_supplement',
      'scale_grams',
      'set_dish_name',
    ]),
    value: z.string(),
    series: z.number().int().optional(),
    field: z.string().optional(),
    dose: z.string().optional(),
  }),
]);
export type Fault = z.infer<typeof FaultSchema>;

export class FaultQueue {
  private faults: Array<Fault & { remaining: number }> = [];

  add(faults: Fault[]): void {
    this.faults.push(...faults.map((f) => ({ ...f, remaining: f.count })));
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, if any, counting it as used. */
  take(agent: string | null): Fault | null {
    const index = this.faults.findIndex((f) => !f.agent || f.agent === agent);
    if (index < 0) return null;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  get pending(): number {
    return this.faults.length;
  }
}

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { streamAnswer, type LatencyModel } from './stream-answer';
import { FaultQueue, FaultSchema, type Fault } from './faults';
import { respond } from './respond';

/**
 * A fake OpenAI-compatible server (`POST /v1/chat/completions`) that the real `openai` SDK talks to
 * over HTTP. It answers each EDN360 agent (recognised by the `edn360_<ID>` response-format name) with
 * deterministic, schema-valid Spanish content derived from the request's data, reports `usage`
 * counted with the o200k tokenizer, can inject scripted faults, and simulates latency.
 *
 * Control: `POST /__faults` `{faults:[…]}`, `DELETE /__faults`, `GET /__requests`.
 */
export type { LatencyModel } from './stream-answer';

export interface RecordedRequest {
  agent: string | null;
  startedAt: number;
  finishedAt: number;
  promptTokens: number;
  /** Of the prompt, the tokens a provider's prompt cache served. */
  cachedTokens: number;
  completionTokens: number;
  repair: boolean;
  fault: Fault['type'] | null;
  /** Asked with `stream: true` (the pipeline always streams). */
  streamed: boolean;
  /** A streamed answer the client stopped reading before its end (a cancel): tokens sent so far. */
  cut: boolean;
}

interface ChatRequest {
  model?: string;
  messages?: Array<{ role: string; content?: unknown }>;
  response_format?: { type?: string; json_schema?: { name?: string } };
  stream?: boolean;
}

const DATA_MARKER = 'DATOS (JSON):';

export function agentOf(request: ChatRequest): string | null {
  const name = request.response_format?.json_schema?.name ?? '';
  const match = /^edn360_([EN]\d)$/.exec(name);
  return match?.[1] ?? null;
}

export function dataOf(request: ChatRequest): Record<string, unknown> {
  for (const message of request.messages ?? []) {
    const content = typeof message.content === 'string' ? message.content : '';
    const at = content.indexOf(DATA_MARKER);
    if (message.role !== 'user' || at < 0) continue;
    // The compact JSON ends at the first blank line (a regeneration's coach note may follow it).
    const rest = content.slice(at + DATA_MARKER.length).trimStart();
    const end = rest.indexOf('\n\n');
    try {
      return JSON.parse(end >= 0 ? rest.slice(0, end) : rest) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return {};
}

function countPromptTokens(request: ChatRequest): number {
  return (request.messages ?? []).reduce(
    (sum, m) =>
      sum + 4 + encode(typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')).length,
    3,
  );
}

/** The prompt as the provider tokenizes it: each message's role and text, in order. */
function promptTokensOf(request: ChatRequest): number[] {
  const text = (request.messages ?? [])
    .map((m) => `<|${m.role}|>${typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')}`)
    .join('');
  return encode(text);
}

/**
 * A provider's prompt cache as OpenAI describes it: prompts of 1 024 tokens or more are cached by
 * prefix, in steps of 128 tokens; a later request whose start matches a cached prefix is billed those
 * tokens at the cached price and reports them as `prompt_tokens_details.cached_tokens`.
 */
export class PrefixCache {
  private readonly seen = new Set<string>();
  static readonly MIN = 1024;
  static readonly STEP = 128;

  /** How many of these tokens were cached; then caches this prompt's prefixes. */
  serve(tokens: readonly number[]): number {
    let cached = 0;
    const prefixes: string[] = [];
    // One running hash over the tokens, read at every step: the key of the prefix up to there.
    const running = createHash('sha256');
    let hashed = 0;
    for (let at = PrefixCache.MIN; at <= tokens.length; at += PrefixCache.STEP) {
      running.update(Uint32Array.from(tokens.slice(hashed, at)));
      hashed = at;
      const key = running.copy().digest('base64');
      prefixes.push(key);
      if (this.seen.has(key)) cached = at;
    }
    for (const key of prefixes) this.seen.add(key);
    return cached;
  }
}

function mutate(
  output: Record<string, unknown>,
  fault: Extract<Fault, { type: 'mutate' }>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const copy = structuredClone(output);
  if (fault.mutation === 'add_substitution') {
    // Swaps the week's first exercise (the request's, as E6 received it) for `value`, or `field`'s id.
    const sessions =
      (data['sesiones'] as Array<{ ejercicios: Array<{ ejercicio_id: string }> }> | undefined) ?? [];
    const original = fault.field ?? sessions[0]?.ejercicios[0]?.ejercicio_id ?? 'ninguno';
    const swaps = (copy['sustituciones'] as unknown[] | undefined) ?? [];
    copy['sustituciones'] = [
      ...swaps.filter((s) => (s as { original_id?: string }).original_id !== original),
      { original_id: original, nuevo_id: fault.value, motivo: 'fallo inyectado' },
    ];
  }
  if (fault.mutation === 'add_exercise' || fault.mutation === 'set_series') {
    const sessions = (copy['sesiones'] as Array<{ ejercicios: unknown[] }> | undefined) ?? [];
    const targets = fault.mutation === 'add_exercise' ? sessions.slice(0, 1) : sessions;
    for (const session of targets) {
      session.ejercicios.push({
        ejercicio_id: fault.value,
        series: fault.series ?? 3,
        reps_min: 8,
        reps_max: 10,
        rir: 2,
        rpe: null,
        descanso_seg: 120,
        tempo: null,
        notas: null,
      });
    }
  }
  if (fault.mutation === 'set_text') copy['introduccion'] = fault.value;
  if (fault.mutation === 'set_explanation') copy['explicacion'] = fault.value;
  if (fault.mutation === 'set_field' && fault.field) copy[fault.field] = fault.value;
  if (fault.mutation === 'add_supplement') {
    const supplements = (copy['suplementos'] as unknown[] | undefined) ?? [];
    supplements.push({ nombre: fault.value, dosis: fault.dose ?? '', motivo: 'rendimiento', cafeina_mg: 0 });
    copy['suplementos'] = supplements;
  }
  const menus =
    (copy['menus'] as
      | Array<{
          comidas: Array<{
            platos: Array<{
              nombre: string;
              ingredientes: Array<{ alimento_id?: string; cantidad_g: number }>;
            }>;
          }>;
        }>
      | undefined) ?? [];
  for (const menu of menus) {
    const dish = menu.comidas[0]?.platos[0];
    if (fault.mutation === 'add_ingredient')
      dish?.ingredientes.push({ alimento_id: fault.value, cantidad_g: 125 });
    if (fault.mutation === 'set_dish_name' && dish) dish.nombre = fault.value;
    if (fault.mutation === 'scale_grams')
      for (const meal of menu.comidas)
        for (const plate of meal.platos)
          for (const ingredient of plate.ingredientes)
            ingredient.cantidad_g = Math.min(
              1000,
              Math.max(1, Math.round(ingredient.cantidad_g * Number(fault.value))),
            );
  }
  return copy;
}

export class FakeLlmServer {
  private server: Server | null = null;
  readonly faults = new FaultQueue();
  readonly requests: RecordedRequest[] = [];
  readonly cache = new PrefixCache();
  port = 0;

  constructor(private latency: LatencyModel = { ttftMs: 0, tokensPerSecond: 0 }) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  setLatency(latency: LatencyModel): void {
    this.latency = latency;
  }

  /**
   * Answers as a reasoning model: `tokens` of thinking per request, paid as completion tokens
   * (`completion_tokens_details.reasoning_tokens`) and never streamed as content.
   */
  setReasoning(tokens: number): void {
    this.reasoningTokens = tokens;
  }
  private reasoningTokens = 0;

  async start(port = this.port): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => resolve(text));
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    if (req.url === '/__faults' && req.method === 'POST') {
      const parsed = FaultSchema.array().safeParse((JSON.parse(body || '{}') as { faults?: unknown }).faults);
      if (!parsed.success) return send(400, { error: parsed.error.issues });
      this.faults.add(parsed.data);
      return send(200, { pending: this.faults.pending });
    }
    if (req.url === '/__faults' && req.method === 'DELETE') {
      this.faults.clear();
      return send(200, { pending: 0 });
    }
    if (req.url === '/__requests') return send(200, this.requests);
    // What `edn360 doctor` probes, as OpenAI-compatible servers answer it.
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      return send(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'fake' }] });
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      return send(404, { error: { message: `no route ${req.method} ${req.url}` } });
    }
    await this.complete(JSON.parse(body) as ChatRequest, res, send);
  }

  private async complete(
    request: ChatRequest,
    res: ServerResponse,
    send: (status: number, payload: unknown, headers?: Record<string, string>) => void,
  ): Promise<void> {
    const startedAt = Date.now();
    const agent = agentOf(request);
    const repair = (request.messages ?? []).some((m) => m.role === 'assistant');
    const promptTokens = countPromptTokens(request);
    const cachedTokens = Math.min(promptTokens, this.cache.serve(promptTokensOf(request)));
    const fault = this.faults.take(agent);
    const streamed = request.stream === true;
    const record = (completionTokens: number, cut = false): void => {
      this.requests.push({
        agent,
        startedAt,
        finishedAt: Date.now(),
        promptTokens,
        cachedTokens,
        completionTokens,
        repair,
        fault: fault?.type ?? null,
        streamed,
        cut,
      });
    };
    switch (fault?.type) {
      case 'refuse':
        record(0);
        res.socket?.destroy();
        return;
      case 'rate_limit':
        record(0);
        return send(
          429,
          { error: { message: 'Rate limit reached', type: 'rate_limit' } },
          { 'retry-after': String(fault.retry_after_s) },
        );
      case 'server_error':
        record(0);
        return send(fault.status, { error: { message: 'Internal error', type: 'server_error' } });
      case 'hang':
        record(0);
        if (fault.ms === undefined) return; // never answers: the client's timeout fires
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
      default:
        break;
    }
    const data = dataOf(request);
    let output = respond(agent, data);
    if (fault?.type === 'mutate') output = mutate(output, fault, data);
    if (fault?.type === 'schema_violation') {
      // Drop the first required field: valid JSON, invalid against the agent's schema.
      output = Object.fromEntries(Object.entries(output).slice(1));
    }
    const content =
      fault?.type === 'malformed_json' ? `${JSON.stringify(output).slice(0, 40)} …` : JSON.stringify(output);
    const answerTokens = encode(content).length;
    const reasoning = this.reasoningTokens;
    const completionTokens = answerTokens + reasoning;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cachedTokens },
      ...(reasoning > 0 ? { completion_tokens_details: { reasoning_tokens: reasoning } } : {}),
    };
    const id = `chatcmpl-fake-${this.requests.length}`;
    const model = request.model ?? 'fake';
    const created = Math.floor(startedAt / 1000);
    if (streamed) {
      const outcome = await streamAnswer(
        res,
        { id, model, created, content, completionTokens: answerTokens, reasoningTokens: reasoning, usage },
        this.latency,
        {
          stallAfter: fault?.type === 'stall' ? fault.after_tokens : null,
          cutAfter: fault?.type === 'cut_stream' ? fault.after_tokens : null,
          cleanCut: fault?.type === 'cut_stream' && fault.clean,
          noUsage: fault?.type === 'no_usage',
        },
      );
      return record(outcome.cut ? outcome.chunksSent : completionTokens, outcome.cut);
    }
    const delay =
      this.latency.ttftMs +
      (this.latency.tokensPerSecond > 0 ? (completionTokens / this.latency.tokensPerSecond) * 1000 : 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    record(completionTokens);
    send(200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
      usage,
    });
  }
}

import * as training from './responders/training';
import * as nutrition from './responders/nutrition';

type Data = Record<string, unknown>;

const RESPONDERS: Record<string, (data: Data) => Data> = {
  E1: training.e1,
  E2: training.e2,
  E3: training.e3,
  E4: training.e4,
  E5: training.e5,
  E6: training.e6,
  E7: training.e7,
  E8: training.review,
  N0: nutrition.n0,
  N1: (d) => nutrition.explanation('Metabolismo', d),
  N2: (d) => nutrition.explanation('Energía', d),
  N3: (d) => nutrition.explanation('Macros', d),
  N4: (d) => nutrition.explanation('Estructura semanal', d),
  N5: nutrition.n5,
  N6: nutrition.n6,
  N7: nutrition.n7,
  N8: training.review,
};

/** The agent's answer for its data, or a generic one for a schema we do not know. */
export function respond(agent: string | null, data: Data): Data {
  const responder = agent ? RESPONDERS[agent] : undefined;
  return responder ? responder(data) : { respuesta: 'ok' };
}

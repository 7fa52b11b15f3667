import { Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { E2OutputSchema } from '@shared/agent-outputs/training';
import { ClientSummarySchema, MesocycleSchema, SafeSessionsFieldSchema } from '@shared/plan-content';
import type { TrainingPlanDocument } from '@shared/plans';
import { formatNumber } from '../format';
import { AuditPanel } from './AuditPanel';
import { PlanBlock } from './PlanBlock';
import { enumLabelKey } from './enum-labels';
import { planSessions } from './plan-sessions';
import { useExerciseNames } from './useExerciseNames';

function Unparsed(): React.JSX.Element {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('plan.unparsed')}</Text>;
}

/** Training plan: client summary, capacity, mesocycle by week, sessions by day, substitutions, audit. */
export function TrainingPlanView({ plan }: { plan: TrainingPlanDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const exerciseName = useExerciseNames();
  const training = plan.training;
  const summary = ClientSummarySchema.safeParse(training.client_summary);
  const capacity = E2OutputSchema.safeParse(training.capacity);
  const meso = MesocycleSchema.safeParse(training.mesocycle);
  const sessions = SafeSessionsFieldSchema.safeParse(training.safe_sessions);

  return (
    <Stack data-testid="training-plan">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanBlock title={t('plan.summary')}>
          {summary.success ? (
            <Stack gap="xs">
              <Text size="sm">{summary.data.resumen}</Text>
              {summary.data.restricciones.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('plan.restrictions')}
                  </Text>
                  <List size="sm">
                    {summary.data.restricciones.map((r) => (
                      <List.Item key={r.zona}>{`${r.zona}: ${r.evitar}`}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          ) : (
            <Unparsed />
          )}
        </PlanBlock>
        <PlanBlock title={t('plan.capacity')}>
          {capacity.success ? (
            <Stack gap="xs">
              <Group gap="xs">
                <Badge variant="light">{`${t('plan.level')}: ${t(enumLabelKey('nivel', capacity.data.nivel))}`}</Badge>
                <Badge variant="light">{`${t('plan.split')}: ${t(enumLabelKey('split', capacity.data.split))}`}</Badge>
                <Badge variant="light">{`${t('plan.targetRir')}: ${capacity.data.rir_objetivo}`}</Badge>
                <Badge variant="light">{`${t('plan.risk')}: ${t(enumLabelKey('riesgo', capacity.data.riesgo))}`}</Badge>
              </Group>
              <Text size="sm">{capacity.data.justificacion}</Text>
            </Stack>
          ) : (
            <Unparsed />
          )}
        </PlanBlock>
      </SimpleGrid>
      <PlanBlock title={t('plan.mesocycle')}>
        {meso.success ? (
          <Table striped data-testid="mesocycle-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.week')}</Table.Th>
                <Table.Th>{t('plan.phase')}</Table.Th>
                <Table.Th>{t('plan.rir')}</Table.Th>
                <Table.Th>{t('plan.volume')}</Table.Th>
                <Table.Th>{t('plan.loadChange')}</Table.Th>
                <Table.Th>{t('plan.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meso.data.semanas.map((w) => (
                <Table.Tr key={w.semana}>
                  <Table.Td>{w.semana}</Table.Td>
                  <Table.Td>{t(enumLabelKey('fase', w.fase))}</Table.Td>
                  <Table.Td>{w.rir_objetivo}</Table.Td>
                  <Table.Td>{`×${formatNumber(w.factor_volumen, 2)}`}</Table.Td>
                  <Table.Td>{`${w.cambio_carga_pct > 0 ? '+' : ''}${formatNumber(w.cambio_carga_pct, 1)} %`}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.notas}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Unparsed />
        )}
      </PlanBlock>
      <PlanBlock title={t('plan.sessions')}>
        {sessions.success ? (
          <Stack>
            {/* One block per distinct session, with every day it is done on; two sessions that share a
                label but not their exercises read as variants (A1, A2), as in the client's version. */}
            {planSessions(sessions.data.sesiones).map(({ title, session: s, days }) => (
              <div key={`${days.join('-')}-${title}`} data-testid="plan-session">
                <Group gap="xs" mb={4}>
                  {days.map((day) => (
                    <Badge key={day}>{t(enumLabelKey('dia', day))}</Badge>
                  ))}
                  <Text fw={600} data-testid="plan-session-title">
                    {title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('plan.minutes', { n: s.duracion_min })}
                  </Text>
                </Group>
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plan.exercise')}</Table.Th>
                      <Table.Th>{t('plan.sets')}</Table.Th>
                      <Table.Th>{t('plan.reps')}</Table.Th>
                      <Table.Th>{t('plan.rir')}</Table.Th>
                      <Table.Th>{t('plan.rest')}</Table.Th>
                      <Table.Th>{t('plan.tempo')}</Table.Th>
                      <Table.Th>{t('plan.notes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.ejercicios.map((e, i) => (
                      <Table.Tr key={`${e.ejercicio_id}-${i}`}>
                        <Table.Td data-testid="exercise-name">{exerciseName(e.ejercicio_id)}</Table.Td>
                        <Table.Td>{e.series}</Table.Td>
                        <Table.Td>
                          {e.reps_min === e.reps_max ? e.reps_min : `${e.reps_min}–${e.reps_max}`}
                        </Table.Td>
                        <Table.Td>{e.rir}</Table.Td>
                        <Table.Td>{t('plan.seconds', { n: e.descanso_seg })}</Table.Td>
                        <Table.Td>{e.tempo ?? '—'}</Table.Td>
                        <Table.Td>
                          <Text size="xs">{e.notas ?? ''}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            ))}
            {sessions.data.sustituciones.length > 0 && (
              <>
                <Text fw={600}>{t('plan.substitutions')}</Text>
                <List size="sm">
                  {sessions.data.sustituciones.map((sub) => (
                    <List.Item key={`${sub.original_id}-${sub.nuevo_id}`}>
                      {`${exerciseName(sub.original_id)} → ${exerciseName(sub.nuevo_id)}: ${sub.motivo}`}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {sessions.data.correctivos.length > 0 && (
              <>
                <Text fw={600}>{t('plan.correctives')}</Text>
                <List size="sm" data-testid="plan-correctives">
                  {sessions.data.correctivos.map((c, i) => (
                    <List.Item key={`${c.ejercicio_id}-${i}`}>
                      {`${exerciseName(c.ejercicio_id)}: ${t('plan.correctiveDose', {
                        sets: c.series,
                        reps: c.repeticiones,
                      })} (${t(enumLabelKey('momento_correctivo', c.momento))})`}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        ) : (
          <Unparsed />
        )}
      </PlanBlock>
      <AuditPanel audit={training.audit} />
    </Stack>
  );
}

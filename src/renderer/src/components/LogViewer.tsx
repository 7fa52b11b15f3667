import { Badge, Button, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS, type LogTail } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { formatDateTime } from '../format';
import { errorText } from './error-text';

type Level = (typeof LOG_LEVELS)[number];
const LEVEL_COLOR: Record<Level | 'unknown', string> = {
  trace: 'gray',
  debug: 'gray',
  info: 'blue',
  warn: 'yellow',
  error: 'red',
  fatal: 'red',
  unknown: 'gray',
};
const LINES = 200;

function isLevel(value: string | null): value is Level {
  return value !== null && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Ajustes (Electron): the newest lines of logs/edn360.log, filtered by level, newest last. */
export function LogViewer(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [level, setLevel] = useState<Level>('info');
  const [tail, setTail] = useState<LogTail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTail(await api.tailLogs({ lines: LINES, min_level: level }));
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  }, [api, level, t]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="xs" data-testid="log-viewer">
      <Group align="flex-end">
        <Select
          label={t('settings.logs.minLevel')}
          value={level}
          onChange={(v) => isLevel(v) && setLevel(v)}
          data={LOG_LEVELS.map((l) => ({ value: l, label: t(`settings.logs.levels.${l}`) }))}
          allowDeselect={false}
          w={200}
        />
        <Button variant="default" onClick={() => void load()}>
          {t('settings.logs.refresh')}
        </Button>
      </Group>
      {tail?.file && (
        <Text size="xs" c="dimmed">
          {t('settings.logs.file', { file: tail.file })}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {tail && tail.entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.logs.empty')}
        </Text>
      ) : (
        <ScrollArea
          h={320}
          type="auto"
          // Keyboard users scroll the log too (WCAG 2.1.1): the viewport takes focus.
          viewportProps={{ tabIndex: 0, 'aria-label': t('settings.logs.title') }}
        >
          <Table striped fz="xs" aria-label={t('settings.logs.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.logs.at')}</Table.Th>
                <Table.Th>{t('settings.logs.level')}</Table.Th>
                <Table.Th>{t('settings.logs.component')}</Table.Th>
                <Table.Th>{t('settings.logs.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tail?.entries ?? []).map((entry, i) => (
                <Table.Tr key={`${i}-${entry.raw.length}`} title={entry.raw}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={LEVEL_COLOR[entry.level]}>
                      {t(`settings.logs.levels.${entry.level}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{entry.component ?? '—'}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{entry.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

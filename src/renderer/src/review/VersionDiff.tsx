import type { TFunction } from 'i18next';
import { Alert, Badge, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanKind } from '@shared/plan-delivery';
import type { PlanDiff, PlanVersions } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { formatDateTime } from '../format';
import { enumLabelKey } from '../plan/enum-labels';
import { groupChanges, type ChangeGroup } from './review-state';

function groupTitle(group: ChangeGroup, t: TFunction): string {
  if (group.session) {
    return t('review.diff.session', {
      day: t(enumLabelKey('dia', group.session.dia)),
      name: group.session.nombre,
    });
  }
  if (group.meal) {
    const name = group.meal.day_type
      ? `${group.meal.nombre} (${t(enumLabelKey('tipo_dia', group.meal.day_type))})`
      : group.meal.nombre;
    return t('review.diff.meal', { name });
  }
  return t('review.diff.general');
}

/**
 * Any two versions side by side in words: the server's readable changes (`text[lang]`, Spanish and
 * English both come with each change), under the session or meal they belong to, in their order.
 */
export function VersionDiff({
  kind,
  planId,
  list,
  from,
  to,
  onPick,
}: {
  kind: PlanKind;
  planId: string;
  list: PlanVersions;
  from: number;
  to: number;
  onPick(from: number, to: number): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useClient();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const [diff, setDiff] = useState<PlanDiff | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const single = list.versions.length < 2;

  useEffect(() => {
    if (from === to) {
      setDiff(null);
      return;
    }
    let current = true;
    setFailure(null);
    api.comparePlanVersions({ kind, plan_id: planId, from, to }).then(
      (result) => {
        if (current) setDiff(result);
      },
      (error: unknown) => {
        if (current) setFailure(errorText(error, t));
      },
    );
    return () => {
      current = false;
    };
  }, [api, kind, planId, from, to, t]);

  const options = [...list.versions]
    .sort((a, b) => b.version - a.version)
    .map((version) => ({
      value: String(version.version),
      label: t('review.diff.option', { version: version.version, date: formatDateTime(version.created_at) }),
    }));
  const shown = diff && diff.from === from && diff.to === to ? diff : null;
  const groups = shown ? groupChanges(shown.changes) : [];

  return (
    <Paper withBorder p="md" data-testid="version-diff">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Group gap="xs">
            <Title order={2} size="h4">
              {t('review.diff.title')}
            </Title>
            {shown && (
              <Badge variant="light" color="gray" data-testid="diff-count">
                {t('review.diff.count', { count: shown.changes.length })}
              </Badge>
            )}
          </Group>
          {!single && (
            <Group gap="sm" align="flex-end">
              <NativeSelect
                label={t('review.diff.from')}
                data={options}
                value={String(from)}
                onChange={(event) => onPick(Number(event.currentTarget.value), to)}
                data-testid="diff-from"
              />
              <NativeSelect
                label={t('review.diff.to')}
                data={options}
                value={String(to)}
                onChange={(event) => onPick(from, Number(event.currentTarget.value))}
                data-testid="diff-to"
              />
            </Group>
          )}
        </Group>
        {single ? (
          <Text c="dimmed" size="sm">
            {t('review.diff.single')}
          </Text>
        ) : from === to ? (
          <Text c="dimmed" size="sm">
            {t('review.diff.same')}
          </Text>
        ) : failure ? (
          <Alert color="red" title={t('review.diff.failed')}>
            {failure}
          </Alert>
        ) : !shown ? (
          <Text c="dimmed" size="sm">
            {t('common.loading')}
          </Text>
        ) : shown.changes.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="diff-none">
            {t('review.diff.none')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="diff-changes" aria-live="polite">
            {groups.map((group, index) => (
              <div key={`${group.key}:${index}`} data-testid="diff-group">
                <Text fw={600} size="sm" mb={4}>
                  {groupTitle(group, t)}
                </Text>
                <List size="sm" spacing={2}>
                  {group.changes.map((change, at) => (
                    <List.Item key={at} data-testid="diff-change" data-code={change.code}>
                      {change.text[lang]}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

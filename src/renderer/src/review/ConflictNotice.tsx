import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ClientError } from '../api/coach-client';

/** Someone else saved a version on top of the one this screen shows (`plan_version_conflict`). */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ClientError && error.code === 'plan_version_conflict';
}

/** Says so, and offers to reload the screen with the current version. */
export function ConflictNotice({ onReload }: { onReload(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      icon={<IconUsers size={18} />}
      title={t('review.conflict.title')}
      role="alert"
      className="no-print"
      data-testid="version-conflict"
    >
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" maw={640}>
          {t('review.conflict.text')}
        </Text>
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconRefresh size={14} />}
          onClick={onReload}
          data-testid="version-conflict-reload"
        >
          {t('review.conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}

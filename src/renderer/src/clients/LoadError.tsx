import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A screen that could not load: what failed, in words, with a retry and a way back to Clientes. */
export function LoadError({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={title}
      role="alert"
      data-testid="load-error"
    >
      <Text size="sm" mb="sm" data-testid="load-error-message">
        {message}
      </Text>
      <Group gap="xs">
        <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={onRetry} data-testid="load-retry">
          {t('common.retry')}
        </Button>
        <Button size="xs" variant="default" component={Link} to="/clients">
          {t('client.backToClients')}
        </Button>
      </Group>
    </Alert>
  );
}

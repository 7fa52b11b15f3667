import { Fieldset, Group, Input, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/**
 * The frame of a compound questionnaire field: a fieldset named by its legend (so screen readers
 * announce "Lesiones" before each "Zona"), an optional description and the error of the value as a
 * whole, both tied to the group with `aria-describedby`. It spans the section's whole grid row.
 */
export function FieldGroup({
  legend,
  description,
  error,
  actions,
  testId,
  children,
}: {
  legend: string;
  description?: string;
  error?: string;
  /** Buttons shown next to the description (e.g. "all no"). */
  actions?: ReactNode;
  testId: string;
  children: ReactNode;
}): React.JSX.Element {
  const id = useId();
  const describedBy =
    [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <Fieldset
      legend={legend}
      aria-describedby={describedBy}
      data-testid={testId}
      style={{ gridColumn: '1 / -1', minWidth: 0 }}
    >
      <Stack gap="sm">
        {(description || actions) && (
          <Group justify="space-between" align="flex-start" gap="xs">
            {description ? (
              <Text id={`${id}-description`} size="sm" c="dimmed" style={{ flex: 1, minWidth: 240 }}>
                {description}
              </Text>
            ) : (
              <span />
            )}
            {actions}
          </Group>
        )}
        {error && (
          <Input.Error id={`${id}-error`} data-testid={`${testId}-error`}>
            {error}
          </Input.Error>
        )}
        {children}
      </Stack>
    </Fieldset>
  );
}

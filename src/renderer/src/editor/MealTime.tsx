import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HORA } from './nutrition-bounds';

/**
 * A meal's time (the timing plan's, shared by every day type), committed once it is a valid time.
 * Written as 24-hour text ("14:30"), not `type="time"`, which Chromium shows as "02:30 PM" outside a
 * Spanish system locale.
 */
export function MealTime({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  onCommit: (hora: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <TextInput
      size="xs"
      w={110}
      inputMode="numeric"
      maxLength={5}
      placeholder="hh:mm"
      error={text !== '' && !HORA.test(text) ? t('editor.nutrition.timeFormat') : undefined}
      label={t('editor.nutrition.time')}
      aria-label={label}
      disabled={value === undefined}
      value={text}
      data-testid="editor-meal-time"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (HORA.test(next) && next !== value) onCommit(next);
      }}
    />
  );
}

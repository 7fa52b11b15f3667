import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RefCallBack } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelMessage } from './labels';
import { numberText, parseNumberText, textReadsAs, UnreadNumber } from './number-text';

/**
 * A numeric answer typed as text. Unlike a number input, which silently drops the letters of
 * "siete" or "unos 70", it keeps what was typed: a number becomes a number in the form, anything
 * else is kept as `UnreadNumber` and reported ("escribe el número en cifras…") as soon as the coach
 * leaves the input, and again by the form's validation, which refuses to submit it.
 */
export function NumberTextInput({
  value,
  onChange,
  onBlur,
  decimals,
  path,
  error,
  ...common
}: {
  value: unknown;
  onChange: (next: number | UnreadNumber | undefined) => void;
  onBlur: () => void;
  decimals: boolean;
  /** The answer's form path (`horas_sueno`, `lesiones.0.dolor_0_10`), to name it in the message. */
  path: string;
  /** The form's error for this answer, already worded for the coach. */
  error?: string;
  label: string;
  withAsterisk?: boolean;
  name?: string;
  ref?: RefCallBack;
  autoFocus?: boolean;
  'data-testid': string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const separator = i18n.language === 'en' ? '.' : ',';
  const [text, setText] = useState(() => numberText(value, separator));
  const [shown, setShown] = useState<unknown>(value);
  const [left, setLeft] = useState(false);
  // The answer changed from outside (loaded, imported): show it, unless the text already reads as
  // it (then the coach's own writing, such as "62," halfway through "62,5", stays).
  if (value !== shown) {
    setShown(value);
    if (!textReadsAs(text, value, decimals)) setText(numberText(value, separator));
  }
  const words =
    left && value instanceof UnreadNumber
      ? labelMessage(`${path}: ${t('questionnaire.numberInWords', { text: value.text })}`, t)
      : undefined;
  return (
    <TextInput
      {...common}
      inputMode={decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={text}
      error={error ?? words}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(parseNumberText(next, decimals));
      }}
      onBlur={() => {
        setLeft(true);
        onBlur();
      }}
    />
  );
}

import { NumberInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

/*
 * Inputs that commit as the coach types: a value the edit would accept is committed at once (and
 * becomes an edit); a half-typed one ("", "1" on the way to "12" below a minimum) stays in the field
 * until it is valid, and leaving the field shows the plan's value again.
 */

export function EditNumber({
  label,
  value,
  min,
  max,
  onCommit,
  testId,
  hideLabel = false,
  w,
}: {
  label: string;
  /** Label for screen readers only (a column of inputs labelled once, on its first row). */
  hideLabel?: boolean;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
  testId?: string;
  w?: number;
}): React.JSX.Element {
  const [text, setText] = useState<string | number>(value);
  useEffect(() => setText(value), [value]);
  return (
    <NumberInput
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      size="xs"
      w={w ?? 84}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      value={text}
      data-testid={testId}
      error={typeof text === 'number' && (text < min || text > max) ? `${min}–${max}` : undefined}
      onChange={(next) => {
        setText(next);
        if (
          typeof next === 'number' &&
          Number.isInteger(next) &&
          next >= min &&
          next <= max &&
          next !== value
        )
          onCommit(next);
      }}
      onBlur={() => setText(value)}
    />
  );
}

export function EditText({
  label,
  value,
  placeholder,
  maxLength,
  onCommit,
  testId,
  w,
}: {
  label: string;
  value: string;
  placeholder?: string;
  maxLength?: number;
  /** The new text, or null when the field was emptied. */
  onCommit: (value: string | null) => void;
  testId?: string;
  w?: number | string;
}): React.JSX.Element {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      label={label}
      size="xs"
      w={w}
      value={text}
      placeholder={placeholder}
      maxLength={maxLength}
      data-testid={testId}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const committed = next.trim() === '' ? null : next;
        if ((committed ?? '') !== value) onCommit(committed);
      }}
      onBlur={() => setText(value)}
    />
  );
}

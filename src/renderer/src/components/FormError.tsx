/** A form's own error (not a field's), announced to screen readers; nothing when there is none. */
export function FormError({ message }: { message: string | null | undefined }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
      {message}
    </div>
  );
}

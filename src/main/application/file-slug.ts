/**
 * Text made fit for a file name every OS accepts: accents dropped, anything but letters, digits and
 * `_` turned into `-`, no `-` at either end. Case is kept (callers lower it if they want).
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import type { PdfInline } from './pdf-types';

/** The family of the fallback font for symbols the text font lacks (resources/fonts/DejaVuSans.ttf). */
export const CLIENT_PDF_SYMBOL_FAMILY = 'DejaVuSans';

/**
 * Roboto covers Latin and general punctuation but no arrows, maths, shapes or dingbats
 * ("Pollo ↔ pavo", "✓"). Characters from U+2190 to U+2BFF are therefore set in DejaVu Sans, which
 * has all of them; test/unit/client-pdf checks both fonts' coverage against this rule.
 */
export function isSymbolCodePoint(codePoint: number): boolean {
  return codePoint >= 0x2190 && codePoint <= 0x2bff;
}

/** Splits a text into runs, the symbol runs set in the fallback font; the text itself when it has none. */
export function splitSymbols(text: string): string | (string | PdfInline)[] {
  const runs: (string | PdfInline)[] = [];
  let current = '';
  let currentIsSymbol = false;
  for (const char of text) {
    const symbol = isSymbolCodePoint(char.codePointAt(0) ?? 0);
    if (symbol !== currentIsSymbol && current.length > 0) {
      runs.push(currentIsSymbol ? { text: current, font: CLIENT_PDF_SYMBOL_FAMILY } : current);
      current = '';
    }
    currentIsSymbol = symbol;
    current += char;
  }
  if (current.length > 0)
    runs.push(currentIsSymbol ? { text: current, font: CLIENT_PDF_SYMBOL_FAMILY } : current);
  return runs.length === 1 && typeof runs[0] === 'string' ? runs[0] : runs;
}

function inlineRuns(item: string | PdfInline): (string | PdfInline)[] {
  if (typeof item === 'string') {
    const split = splitSymbols(item);
    return typeof split === 'string' ? [split] : split;
  }
  const split = splitSymbols(item.text);
  if (typeof split === 'string') return [item];
  return split.map((run) => (typeof run === 'string' ? { ...item, text: run } : { ...item, ...run }));
}

/**
 * Walks a piece of the definition and sets every symbol character in the fallback font. Only `text`
 * properties change; callbacks, canvases and images are left as they are.
 */
export function withSymbolFont<T>(node: T): T {
  if (Array.isArray(node)) return node.map((child: unknown) => withSymbolFont(child)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'text' && typeof value === 'string') {
      out[key] = splitSymbols(value);
    } else if (key === 'text' && Array.isArray(value)) {
      out[key] = (value as (string | PdfInline)[]).flatMap(inlineRuns);
    } else if (key === 'layout' || key === 'canvas' || key === 'image') {
      out[key] = value;
    } else {
      out[key] = withSymbolFont(value);
    }
  }
  return out as T;
}

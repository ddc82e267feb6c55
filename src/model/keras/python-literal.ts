/**
 * Python source for plain values. Every string from the user (class names, dataset name,
 * layer ids) reaches the generated script only through {@link pyString}, so it stays text.
 */

/**
 * Characters JSON leaves raw that should not be raw in source: DEL and the C1 controls,
 * which editors hide, and the line and paragraph separators and bidirectional controls,
 * which could make the script read differently from what Python runs.
 */
const INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A double-quoted Python string literal equal to `text`. JSON string syntax is a subset of
 * Python's (`\"`, `\\`, `\n`, `\uXXXX`, lone surrogates as `\udXXX`), so JSON's escaping
 * is reused and only the invisible characters are escaped on top.
 */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(
    INVISIBLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A Python number literal. JavaScript's shortest round-trip form (`0.1`, `1e-7`, `1e+21`)
 * is valid Python and reads back as the same double.
 *
 * @throws Error for NaN and infinities, which have no literal.
 */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as a Python number`);
  return String(value);
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A tuple of already formatted items; a single item keeps its trailing comma. */
export function pyTuple(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Keyword arguments, in order, as `name=value` with already formatted values. */
export type PyKwargs = readonly (readonly [name: string, value: string])[];

/** Where a call or list is written: its indent, and the text beside it on its first line. */
export interface PyLayout {
  indent: number;
  before?: string;
  after?: string;
}

/** Longest line before a call or list is broken into one item per line (Black's default). */
const LINE_LENGTH = 88;

/** A call of `callee` with positional and keyword arguments, broken as {@link bracketed}. */
export function pyCall(
  callee: string,
  args: readonly string[],
  kwargs: PyKwargs = [],
  layout: PyLayout = { indent: 0 },
): string {
  const parts = [...args, ...kwargs.map(([name, value]) => `${name}=${value}`)];
  return bracketed(`${callee}(`, parts, ')', layout);
}

/** A list of already formatted items, broken as {@link bracketed}. */
export function pyList(items: readonly string[], layout: PyLayout = { indent: 0 }): string {
  return bracketed('[', items, ']', layout);
}

/**
 * `open`, the items and `close` on one line when that fits in {@link LINE_LENGTH} at
 * `layout.indent` spaces between `before` and `after`; else one item per line, each with a
 * trailing comma, and `close` back at the indent.
 */
function bracketed(open: string, items: readonly string[], close: string, layout: PyLayout) {
  const flat = `${open}${items.join(', ')}${close}`;
  const around = (layout.before?.length ?? 0) + (layout.after?.length ?? 0);
  if (layout.indent + around + flat.length <= LINE_LENGTH || items.length === 0) return flat;
  const pad = ' '.repeat(layout.indent + 4);
  const lines = items.map((item) => `${pad}${item},\n`).join('');
  return `${open}\n${lines}${' '.repeat(layout.indent)}${close}`;
}

/** A piece of a message: plain text, or the name of a class the message quotes. */
export type MessagePart = { text: string } | { className: string };

/**
 * Splits a message at the class names it quotes ("name"), so each can be shown as a class
 * label rather than as text that may run to hundreds of characters. Longer names are tried
 * first, so a name that contains another is not split at the shorter one.
 */
export function quotedClasses(message: string, classNames: readonly string[]): MessagePart[] {
  const names = [...new Set(classNames)].filter(Boolean).sort((a, b) => b.length - a.length);
  const parts: MessagePart[] = [];
  let text = '';
  let at = 0;
  while (at < message.length) {
    const name = message[at] === '"' ? names.find((n) => message.startsWith(`"${n}"`, at)) : null;
    if (name === undefined || name === null) {
      text += message[at];
      at++;
      continue;
    }
    parts.push({ text: `${text}"` });
    parts.push({ className: name });
    text = '"';
    at += name.length + 2;
  }
  if (text !== '') parts.push({ text });
  return parts;
}

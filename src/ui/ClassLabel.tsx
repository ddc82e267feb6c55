/**
 * A class name where space is short (table headers, legends, captions): cut with an ellipsis
 * when it is long, the full name on hover and for screen readers. Class names come from the
 * user's folder names, which may run to hundreds of characters.
 */
export function ClassLabel({ name }: { name: string }) {
  return (
    <span className="class-label" title={name}>
      {name}
    </span>
  );
}

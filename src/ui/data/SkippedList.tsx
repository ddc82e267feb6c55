import type { SkippedItem } from '../../shared/dataset';

/** Every file a load left out, with the reason, in a list that scrolls when it is long. */
export function SkippedList({ items }: { items: SkippedItem[] }) {
  return (
    // Focusable so that keyboard users can scroll a long list.
    <ul className="skipped-list" tabIndex={0} aria-label="Skipped files">
      {items.map((item, i) => (
        <li key={`${item.path}:${i}`} data-testid="skipped-item" data-path={item.path}>
          <code>{item.path}</code> — {item.reason}
        </li>
      ))}
    </ul>
  );
}

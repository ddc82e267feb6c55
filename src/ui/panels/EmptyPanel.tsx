import type { ReactNode } from 'react';

/** An honest empty state for a panel whose capability is not built yet. */
export function EmptyPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel empty-panel" data-testid="empty-panel">
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  );
}

import type { LoadReport } from '../../shared/dataset';
import { SkippedList } from './SkippedList';

/** What the last load took in, every file it left out and why, and anything worth knowing. */
export function LoadReportView({ report }: { report: LoadReport }) {
  // The worker's notes already say when a download came from the cache.
  const { notes } = report;
  return (
    <section className="load-report" data-testid="load-report" aria-label="Load report">
      <p>
        Loaded {report.loaded} {report.loaded === 1 ? 'image' : 'images'}.{' '}
        {report.skipped.length === 0
          ? 'Nothing was skipped.'
          : `Skipped ${report.skipped.length} ${report.skipped.length === 1 ? 'file' : 'files'}:`}
      </p>
      {report.skipped.length > 0 && <SkippedList items={report.skipped} />}
      {notes.length > 0 && (
        <ul className="load-notes" data-testid="load-notes" aria-label="Notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { startNewProject } from './project-actions';

const selectNotice = (s: StudioState) => s.projectNotice;

/** What happened to the project as a whole: opened, restored, or why something was refused. */
export function ProjectNoticeBar() {
  const notice = useStudio(selectNotice);
  if (!notice) return null;
  return (
    <div
      className={`project-notice project-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="project-notice"
      data-tone={notice.tone}
    >
      <span>{notice.message}</span>
      {notice.offerStartNew && (
        <button
          type="button"
          className="link-button"
          data-testid="project-start-new"
          onClick={() => void startNewProject()}
        >
          Start new
        </button>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => useStudio.getState().showProjectNotice(null)}
      >
        Dismiss
      </button>
    </div>
  );
}

import { useState } from 'react';
import { shareLink } from './project-actions';

/**
 * Copies a link to the network and training settings, and shows it in a read-only field so it
 * can be copied by hand where the clipboard is not allowed.
 */
export function ShareLink() {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const share = async () => {
    const next = await shareLink();
    setLink(next);
    try {
      await navigator.clipboard.writeText(next);
      setStatus('Copied to the clipboard.');
    } catch {
      setStatus('Copy the link from this field.');
    }
  };
  return (
    <div className="share-link">
      <button type="button" data-testid="project-share" onClick={() => void share()}>
        Copy share link
      </button>
      {link !== null && (
        <label>
          Share link: the network and training settings, no data
          <input
            readOnly
            data-testid="share-link"
            value={link}
            onFocus={(event) => event.target.select()}
          />
          <span role="status">{status}</span>
        </label>
      )}
    </div>
  );
}

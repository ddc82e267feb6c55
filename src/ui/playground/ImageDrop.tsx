import { useState } from 'react';

/** A drop zone and a file chooser for one image; pasting is handled by the playground. */
export function ImageDrop({ onFile }: { onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'image-drop over' : 'image-drop'}
      data-testid="image-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <p>Drop an image here, paste one (Ctrl+V), or</p>
      <label className="file-button">
        Choose an image…
        <input
          type="file"
          accept="image/*"
          data-testid="playground-file"
          className="visually-hidden"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
            event.currentTarget.value = '';
          }}
        />
      </label>
    </div>
  );
}

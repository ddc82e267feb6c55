/** A sentence a person can act on for a failed `getUserMedia`. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was refused. Allow the camera for this page in the browser’s site settings, then press Start camera again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect one, or draw or drop an image instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy or could not start. Close other apps using it and try again.';
    default:
      return `The camera could not start${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}

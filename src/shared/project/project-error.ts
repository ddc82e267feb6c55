/** Why a project file, autosave or share link was not opened, in words the user can act on. */
export class ProjectError extends Error {
  override name = 'ProjectError';
}

/** A project from a newer studio: intact, but in a format this one cannot read. */
export class NewerProjectError extends ProjectError {
  override name = 'NewerProjectError';
}

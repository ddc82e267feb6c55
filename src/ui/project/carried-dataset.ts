/**
 * The project file whose dataset is loaded, kept (a File is a reference to the file on disk,
 * not its bytes) so a restarted engine can read the dataset from it again.
 */
let carriedFile: File | null = null;

/** Notes the project file just opened; null when its dataset did not come from the file. */
export function keepCarriedDatasetFile(file: File | null): void {
  carriedFile = file;
}

export function hasCarriedDatasetFile(): boolean {
  return carriedFile !== null;
}

/** The dataset the kept project file carries, read again; null when no file is kept. */
export async function readCarriedDataset(): Promise<Uint8Array | null> {
  if (!carriedFile) return null;
  const { readProjectFile } = await import('../../shared/project/project-file');
  return readProjectFile(new Uint8Array(await carriedFile.arrayBuffer())).dataset;
}

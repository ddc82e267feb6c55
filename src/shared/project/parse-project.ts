import type { z } from 'zod';
import type { RawProject } from './migrate';
import { migrate } from './migrate';
import type { Project } from './project';
import { PROJECT_FORMAT } from './project';
import { ProjectError } from './project-error';
import { projectSchema } from './project-schema';

/** How many schema problems a message lists before it says "and N more". */
const LISTED_ISSUES = 3;

/** `spec.nodes[2].config.filters`, the way a reader of the JSON would find the field. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** The schema's complaints as one sentence that names each field. */
export function describeIssues(error: z.ZodError): string {
  const listed = error.issues
    .slice(0, LISTED_ISSUES)
    .map((issue) => `${fieldOf(issue.path) || 'the project'}: ${issue.message}`);
  const more = error.issues.length - LISTED_ISSUES;
  return `${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A parsed project.json (any version) as a current, valid project, or a ProjectError saying
 * which field is wrong. Nothing is changed on the way in: the caller applies the result.
 */
export function parseProject(json: unknown): Project {
  if (!isRecord(json) || json.format !== PROJECT_FORMAT) {
    throw new ProjectError(
      'This is not a Layerwise project: its project.json has no Layerwise format tag.',
    );
  }
  if (typeof json.version !== 'number') {
    throw new ProjectError('This project does not say which format version it is.');
  }
  const result = projectSchema.safeParse(migrate(json as RawProject));
  if (!result.success) {
    throw new ProjectError(`This project file is not valid: ${describeIssues(result.error)}.`);
  }
  return result.data;
}

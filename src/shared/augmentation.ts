/**
 * Training-time augmentation: random changes applied on the device to each training batch
 * (never to validation or test). Every field is a strength; 0 turns the operation off.
 */
export interface Augmentation {
  /** Probability of mirroring left–right, 0–1. */
  flipHorizontal: number;
  /** Probability of mirroring top–bottom, 0–1. */
  flipVertical: number;
  /** Largest rotation either way, in degrees, 0–180. */
  rotation: number;
  /** Largest zoom in or out, as a fraction of the size, 0–0.5. */
  zoom: number;
  /** Largest shift in each direction, as a fraction of the size, 0–0.5. */
  shift: number;
  /** Largest brightness change, as a fraction of full scale, 0–1. */
  brightness: number;
  /** Largest contrast change, as a factor around 1, 0–1. */
  contrast: number;
  /** Standard deviation of added gaussian noise, as a fraction of full scale, 0–0.5. */
  noise: number;
  /** Side of the square cut out (filled with grey), as a fraction of the size, 0–0.5. */
  cutout: number;
}

export type AugmentationField = keyof Augmentation;

/** Each field's label, range and step, for the form and the range checks. */
export const AUGMENTATION_FIELDS: Record<
  AugmentationField,
  { label: string; max: number; step: number; unit: string }
> = {
  flipHorizontal: { label: 'Horizontal flip', max: 1, step: 0.05, unit: 'probability' },
  flipVertical: { label: 'Vertical flip', max: 1, step: 0.05, unit: 'probability' },
  rotation: { label: 'Rotation', max: 180, step: 1, unit: 'degrees' },
  zoom: { label: 'Zoom', max: 0.5, step: 0.01, unit: 'fraction' },
  shift: { label: 'Shift', max: 0.5, step: 0.01, unit: 'fraction' },
  brightness: { label: 'Brightness', max: 1, step: 0.01, unit: 'fraction' },
  contrast: { label: 'Contrast', max: 1, step: 0.01, unit: 'fraction' },
  noise: { label: 'Gaussian noise', max: 0.5, step: 0.01, unit: 'std' },
  cutout: { label: 'Cutout', max: 0.5, step: 0.01, unit: 'fraction' },
};

export const NO_AUGMENTATION: Augmentation = {
  flipHorizontal: 0,
  flipVertical: 0,
  rotation: 0,
  zoom: 0,
  shift: 0,
  brightness: 0,
  contrast: 0,
  noise: 0,
  cutout: 0,
};

/** True when no operation is on. */
export function isIdentity(augmentation: Augmentation): boolean {
  return Object.values(augmentation).every((value) => value === 0);
}

/** Problems with the strengths, in words; empty when every one is in range. */
export function checkAugmentation(augmentation: Augmentation): string[] {
  return (Object.keys(AUGMENTATION_FIELDS) as AugmentationField[]).flatMap((field) => {
    const { label, max } = AUGMENTATION_FIELDS[field];
    const value = augmentation[field];
    return Number.isFinite(value) && value >= 0 && value <= max
      ? []
      : [`${label} must be from 0 to ${max}.`];
  });
}

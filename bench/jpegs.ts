/**
 * Generated photos: seeded gradients with a few shapes, encoded by the browser's own JPEG
 * encoder, kept in memory. The bench page's `jpegs` hook uses this to time the encoding alone.
 * The files the ingest measurement picks from disk are drawn the same way by `drawJpegs` in
 * bench/ingest.mjs, which runs in any page and returns them to Node.
 */
import { createRng } from '../src/shared/random';

/** One generated image file and the class folder it belongs in. */
export interface GeneratedImage {
  path: string;
  bytes: Uint8Array;
}

/** `count` JPEGs of `size`×`size`, spread over `classes` folders; the same seed gives the same files. */
export async function generateJpegs(
  count: number,
  size: number,
  classes = 4,
  seed = 7,
): Promise<GeneratedImage[]> {
  const rng = createRng(seed);
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on an OffscreenCanvas.');
  const images: GeneratedImage[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    const gradient = context.createLinearGradient(0, 0, size, size);
    gradient.addColorStop(0, `hsl(${Math.floor(rng() * 360)} 60% 50%)`);
    gradient.addColorStop(1, `hsl(${Math.floor(rng() * 360)} 60% 30%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, size, size);
    context.fillStyle = `hsl(${label * (360 / classes)} 80% 60%)`;
    for (let k = 0; k < 3 + label; k++) {
      context.beginPath();
      context.arc(rng() * size, rng() * size, (0.05 + rng() * 0.1) * size, 0, 2 * Math.PI);
      context.fill();
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    const name = `class-${label}/image-${String(i).padStart(5, '0')}.jpg`;
    images.push({ path: name, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  return images;
}

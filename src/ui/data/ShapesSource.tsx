import { useId, useState } from 'react';
import { send } from '../engine-client';

const MAX_SHAPES = 50_000;

/** Options of the procedural colour shapes: how many, and the seed that draws them. */
export function ShapesSource() {
  const id = useId();
  const [count, setCount] = useState('3000');
  const [seed, setSeed] = useState('1');
  const n = Number(count);
  const s = Number(seed);
  const problem =
    !Number.isInteger(n) || n < 10 || n > MAX_SHAPES
      ? `Count must be a whole number from 10 to ${MAX_SHAPES.toLocaleString('en-GB')}.`
      : !Number.isInteger(s) || s < 0 || seed.trim() === ''
        ? 'Seed must be a whole number, 0 or more.'
        : null;
  return (
    <form
      className="source-options"
      aria-label="Colour shapes"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) send({ type: 'loadDataset', source: { kind: 'shapes', count: n, seed: s } });
      }}
    >
      <p className="hint">
        Coloured circles, squares, triangles, stars and crosses of 32×32 pixels, drawn at random
        places, sizes, angles and colours. Instant, and needs no internet.
      </p>
      <label htmlFor={`${id}-count`}>Images</label>
      <input
        id={`${id}-count`}
        data-testid="shapes-count"
        inputMode="numeric"
        value={count}
        onChange={(event) => setCount(event.target.value)}
      />
      <label htmlFor={`${id}-seed`}>Seed</label>
      <input
        id={`${id}-seed`}
        data-testid="shapes-seed"
        inputMode="numeric"
        value={seed}
        onChange={(event) => setSeed(event.target.value)}
      />
      <button type="submit" data-testid="shapes-generate" disabled={problem !== null}>
        Generate
      </button>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/**
 * The `index.html` that travels in an exported zip: it loads the model with tfjs (the copy in
 * the zip, so it works offline), prepares a chosen image exactly as the studio did — fitted
 * with the aspect policy over black, Rec. 601 luma rounded for grayscale, then
 * pixel × scale + offset per channel from `preprocessing.json` — and shows the top classes.
 * "Check" re-runs the studio's own predictions from `check.json` and reports the largest
 * difference. Labels are shown with textContent only, never as HTML, cut to one line when long
 * with the full name on hover.
 */
export const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Layerwise model</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
  canvas { width: 8rem; image-rendering: pixelated; border: 1px solid #999; }
  li { font-variant-numeric: tabular-nums; }
  #status { color: #555; }
  .class-name { display: inline-block; max-width: 20rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
</style>
<script src="tf.min.js"></script>
</head>
<body>
<h1>Layerwise model</h1>
<p id="status">Loading the model…</p>
<p><label>Choose an image: <input type="file" id="image" accept="image/*" disabled></label></p>
<canvas id="input" aria-label="The image as the model sees it"></canvas>
<ol id="top" aria-label="Top classes"></ol>
<p><button id="check" disabled>Check against the studio's predictions</button></p>
<p id="check-result" role="status"></p>
<script>
(async () => {
  const status = document.getElementById('status');
  const top = document.getElementById('top');
  const fail = (error) => {
    status.textContent = 'The model did not load: ' + error.message +
      (location.protocol === 'file:' ? ' Browsers do not let a page opened from a file read files next to it: serve this folder, e.g. "python3 -m http.server", and open http://localhost:8000.' : '');
  };
  let model, pre, labels;
  try {
    [model, pre, labels] = await Promise.all([
      tf.loadLayersModel('model.json'),
      fetch('preprocessing.json').then((r) => r.json()),
      fetch('labels.json').then((r) => r.json()),
    ]);
  } catch (error) { fail(error); return; }
  const [h, w, c] = pre.inputShape;
  const className = (i) => {
    const span = document.createElement('span');
    span.className = 'class-name';
    span.title = span.textContent = labels[i];
    return span;
  };
  status.textContent = 'Ready: ' + labels.length + ' classes, input ' + h + '×' + w + '×' + c + '.';

  // Where the image goes: the same rectangles as the studio's own loader.
  function fitRect(sw, sh) {
    const wider = sw * h > w * sh, taller = sw * h < w * sh;
    const clamp = (size, side) => Math.min(side, Math.max(1, size));
    const whole = { sx: 0, sy: 0, sw, sh }, fill = { dx: 0, dy: 0, dw: w, dh: h };
    if (pre.aspect === 'crop') {
      if (wider) { const cw = clamp(Math.round((sh * w) / h), sw); return { sx: Math.floor((sw - cw) / 2), sy: 0, sw: cw, sh, ...fill }; }
      if (taller) { const ch = clamp(Math.round((sw * h) / w), sh); return { sx: 0, sy: Math.floor((sh - ch) / 2), sw, sh: ch, ...fill }; }
    }
    if (pre.aspect === 'pad') {
      if (wider) { const dh = clamp(Math.round((w * sh) / sw), h); return { ...whole, dx: 0, dy: Math.floor((h - dh) / 2), dw: w, dh }; }
      if (taller) { const dw = clamp(Math.round((h * sw) / sh), w); return { ...whole, dx: Math.floor((w - dw) / 2), dy: 0, dw, dh: h }; }
    }
    return { ...whole, ...fill };
  }

  // Image → uint8 pixels of the input's shape, as the studio stores them.
  async function pixelsOf(file) {
    const full = await createImageBitmap(file);
    const r = fitRect(full.width, full.height);
    const fitted = await createImageBitmap(full, r.sx, r.sy, r.sw, r.sh, { resizeWidth: r.dw, resizeHeight: r.dh, resizeQuality: 'medium' });
    const canvas = document.getElementById('input');
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#000'; ctx.fillRect(0, 0, w, h);
    ctx.drawImage(fitted, r.dx, r.dy);
    full.close(); fitted.close();
    const rgba = ctx.getImageData(0, 0, w, h).data;
    const out = new Uint8Array(h * w * c);
    for (let i = 0; i < h * w; i++) {
      const [R, G, B] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
      if (c === 1) out[i] = Math.round(0.299 * R + 0.587 * G + 0.114 * B);
      else { out[i * 3] = R; out[i * 3 + 1] = G; out[i * 3 + 2] = B; }
    }
    return out;
  }

  // pixel × scale + offset per channel: the studio's normalisation.
  function predict(pixels, count) {
    const x = new Float32Array(pixels.length);
    for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] * pre.scale[i % c] + pre.offset[i % c];
    return tf.tidy(() => model.predict(tf.tensor4d(x, [count, h, w, c])).dataSync());
  }

  const input = document.getElementById('image');
  input.disabled = false;
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    top.replaceChildren();
    try {
      const probs = predict(await pixelsOf(file), 1);
      const ranked = [...probs].map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]).slice(0, 5);
      for (const [p, i] of ranked) {
        const li = document.createElement('li');
        li.append(className(i), ' — ' + (p * 100).toFixed(1) + ' %');
        top.append(li);
      }
      status.replaceChildren('Prediction: ', className(ranked[0][1]));
    } catch (error) {
      status.textContent = 'That file could not be read as an image: ' + error.message;
    }
  });

  const check = document.getElementById('check');
  check.disabled = false;
  check.addEventListener('click', async () => {
    const result = document.getElementById('check-result');
    const saved = await fetch('check.json').then((r) => r.json());
    const pixels = Uint8Array.from(atob(saved.pixels), (ch) => ch.charCodeAt(0));
    const probs = predict(pixels, saved.count);
    let largest = 0, same = 0;
    const k = labels.length;
    for (let n = 0; n < saved.count; n++) {
      let best = 0, studioBest = 0;
      for (let j = 0; j < k; j++) {
        largest = Math.max(largest, Math.abs(probs[n * k + j] - saved.probabilities[n][j]));
        if (probs[n * k + j] > probs[n * k + best]) best = j;
        if (saved.probabilities[n][j] > saved.probabilities[n][studioBest]) studioBest = j;
      }
      if (best === studioBest) same++;
    }
    result.textContent = same + ' of ' + saved.count + ' images get the studio\\'s prediction; ' +
      'largest probability difference ' + largest.toExponential(1) + '.';
  });
})();
</script>
</body>
</html>
`;

import type * as tf from '@tensorflow/tfjs';
import type { ColumnsToImage } from './input-gradient';

/** The part of tfjs's WebGL backend that runs a shader program. */
interface WebglBackend {
  runWebGLProgram(
    program: ColumnsToImageProgram,
    inputs: tf.TensorInfo[],
    dtype: 'float32',
  ): tf.TensorInfo;
}

/** A row index `t` of the input seen from the output: skipped unless a stride lands on it. */
function onStride(t: string, extent: number, stride: number): string {
  const inside = `${t} < 0 || ${t} >= ${extent * stride}`;
  return stride === 1 ? inside : `${inside} || ${t} % ${stride} != 0`;
}

/**
 * col2im as a WebGL program (tfjs's GPGPUProgram shape): one output value per fragment, the
 * sum of the at most filterHeight · filterWidth column entries that land on it.
 */
class ColumnsToImageProgram {
  readonly variableNames = ['columns'];
  readonly outputShape: number[];
  readonly userCode: string;

  constructor(info: tf.backend_util.Conv2DInfo) {
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
    const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
    this.outputShape = [batchSize, inHeight, inWidth, inChannels];
    this.userCode = `
      void main() {
        ivec4 at = getOutputCoords();
        int b = at[0];
        int c = at[3];
        float sum = 0.0;
        for (int i = 0; i < ${filterHeight}; i++) {
          int ty = at[1] + ${padInfo.top} - i;
          if (${onStride('ty', outHeight, strideHeight)}) continue;
          int row = (b * ${outHeight} + ty / ${strideHeight}) * ${outWidth};
          for (int j = 0; j < ${filterWidth}; j++) {
            int tx = at[2] + ${padInfo.left} - j;
            if (${onStride('tx', outWidth, strideWidth)}) continue;
            sum += getColumns(row + tx / ${strideWidth}, (i * ${filterWidth} + j) * ${inChannels} + c);
          }
        }
        setOutput(sum);
      }
    `;
  }
}

export const columnsToImageWebgl: ColumnsToImage = (columns, info, backend) =>
  (backend as unknown as WebglBackend).runWebGLProgram(
    new ColumnsToImageProgram(info),
    [columns],
    'float32',
  );

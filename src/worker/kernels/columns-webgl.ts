import type * as tf from '@tensorflow/tfjs';
import type { ColumnSteps } from './convolution-by-product';

/** The part of tfjs's WebGL backend that runs a shader program (tfjs's GPGPUProgram). */
interface WebglBackend {
  runWebGLProgram(
    program: { variableNames: string[]; outputShape: number[]; userCode: string },
    inputs: tf.TensorInfo[],
    dtype: 'float32',
  ): tf.TensorInfo;
}

/*
 * The shaders use only what GLSL ES 1.00 has too (tfjs's `imod` instead of `%`), as tfjs's
 * own do, so they compile wherever tfjs's WebGL backend runs.
 */

/**
 * im2col, one value per fragment: the image value that output position `row` reads at tap
 * `column`, or 0 where the window overhangs the image.
 */
function imageToColumns(info: tf.backend_util.Conv2DInfo) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  return {
    variableNames: ['image'],
    outputShape: [batchSize * outHeight * outWidth, filterHeight * filterWidth * inChannels],
    userCode: `
      void main() {
        ivec2 at = getOutputCoords();
        int ox = imod(at.x, ${outWidth});
        int oy = imod(at.x / ${outWidth}, ${outHeight});
        int b = at.x / ${outWidth * outHeight};
        int c = imod(at.y, ${inChannels});
        int j = imod(at.y / ${inChannels}, ${filterWidth});
        int i = at.y / ${inChannels * filterWidth};
        int y = oy * ${strideHeight} - ${padInfo.top} + i;
        int x = ox * ${strideWidth} - ${padInfo.left} + j;
        bool inside = y >= 0 && y < ${inHeight} && x >= 0 && x < ${inWidth};
        setOutput(inside ? getImage(b, y, x, c) : 0.0);
      }
    `,
  };
}

/** An image row `t`, seen from the output, that no stride lands on. */
function offStride(t: string, extent: number, stride: number): string {
  const outside = `${t} < 0 || ${t} >= ${extent * stride}`;
  return stride === 1 ? outside : `${outside} || imod(${t}, ${stride}) != 0`;
}

/**
 * col2im, one value per fragment: the sum of the at most filterHeight · filterWidth column
 * entries that read this image value.
 */
function columnsToImage(info: tf.backend_util.Conv2DInfo) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  return {
    variableNames: ['columns'],
    outputShape: [batchSize, inHeight, inWidth, inChannels],
    userCode: `
      void main() {
        ivec4 at = getOutputCoords();
        int b = at[0];
        int c = at[3];
        float sum = 0.0;
        for (int i = 0; i < ${filterHeight}; i++) {
          int ty = at[1] + ${padInfo.top} - i;
          if (${offStride('ty', outHeight, strideHeight)}) continue;
          int row = (b * ${outHeight} + ty / ${strideHeight}) * ${outWidth};
          for (int j = 0; j < ${filterWidth}; j++) {
            int tx = at[2] + ${padInfo.left} - j;
            if (${offStride('tx', outWidth, strideWidth)}) continue;
            int column = (i * ${filterWidth} + j) * ${inChannels} + c;
            sum += getColumns(row + tx / ${strideWidth}, column);
          }
        }
        setOutput(sum);
      }
    `,
  };
}

type Program = ReturnType<typeof imageToColumns>;

function run(program: Program, input: tf.TensorInfo, backend: tf.KernelBackend): tf.TensorInfo {
  return (backend as unknown as WebglBackend).runWebGLProgram(program, [input], 'float32');
}

/** im2col and col2im as WebGL shader programs. */
export const webglColumnSteps: ColumnSteps = {
  toColumns: (image, info, backend) => run(imageToColumns(info), image, backend),
  toImage: (columns, info, backend) => run(columnsToImage(info), columns, backend),
};

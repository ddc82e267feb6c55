/**
 * One layer of a tfjs/Keras `model.json` topology → the builder's layer kind and config. The
 * inverse of how the worker makes tfjs layers from a spec (src/worker/make-layer.ts), also
 * reading the spellings of models converted from Keras.
 */
import { defaultConfig } from '../layers';
import { ACTIVATION_NAMES } from '../../shared/model-spec';
import type {
  ActivationName,
  InitializerName,
  LayerConfigs,
  LayerKind,
  Padding,
  Regularizer,
} from '../../shared/model-spec';

/** A model the studio cannot show, with a message naming the layer and the reason. */
/** The slope the builder keeps on activations that ignore it. */
const UNUSED_ALPHA = defaultConfig('activation').alpha;

export class ImportError extends Error {
  override name = 'ImportError';
}

export type Config = Record<string, unknown>;

/** The kind and config of one imported layer. */
export type Imported = { [K in LayerKind]: { kind: K; config: LayerConfigs[K] } }[LayerKind];

const ACTIVATIONS: ReadonlySet<string> = new Set(ACTIVATION_NAMES);

/** The same value given for both spatial axes, or a number given once. */
function square(layer: string, field: string, value: unknown): number {
  const pair = Array.isArray(value) ? value : [value, value];
  const [a, b] = pair as unknown[];
  if (typeof a !== 'number' || a !== b || !Number.isInteger(a) || a < 1) {
    throw new ImportError(
      `Layer '${layer}' has ${field} ${JSON.stringify(value)}; the builder supports equal, whole ` +
        'sizes on both axes only.',
    );
  }
  return a;
}

function activationOf(layer: string, value: unknown): ActivationName {
  const name =
    value === undefined || value === null
      ? 'linear'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  if (!ACTIVATIONS.has(name)) {
    throw new ImportError(
      `Layer '${layer}' uses the activation '${name}', which is not supported.`,
    );
  }
  return name as ActivationName;
}

function paddingOf(layer: string, value: unknown): Padding {
  if (value === 'valid' || value === 'same') return value;
  throw new ImportError(`Layer '${layer}' has padding '${String(value)}'; use 'valid' or 'same'.`);
}

const VARIANCE_SCALING: Record<string, InitializerName> = {
  '1 fan_avg uniform': 'glorotUniform',
  '1 fan_avg normal': 'glorotNormal',
  '2 fan_in uniform': 'heUniform',
  '2 fan_in normal': 'heNormal',
  '1 fan_in normal': 'lecunNormal',
};

const NAMED_INITIALIZERS: Record<string, InitializerName> = {
  GlorotUniform: 'glorotUniform',
  GlorotNormal: 'glorotNormal',
  HeUniform: 'heUniform',
  HeNormal: 'heNormal',
  LecunNormal: 'lecunNormal',
  Zeros: 'zeros',
};

const INITIALIZER_NAMES: ReadonlySet<string> = new Set(Object.values(NAMED_INITIALIZERS));

/**
 * The initialiser's name; only retraining from scratch uses it, so an unknown one falls back
 * to the builder's default rather than refusing the model.
 */
function initializerOf(value: unknown): InitializerName {
  const { class_name: className, config = {} } = (value ?? {}) as {
    class_name?: string;
    config?: Config;
  };
  if (className === 'VarianceScaling') {
    const distribution = String(config.distribution).replace(/^(truncated|untruncated)_?/, '');
    const key = `${String(config.scale)} ${String(config.mode)} ${distribution || 'normal'}`;
    return VARIANCE_SCALING[key] ?? 'glorotUniform';
  }
  return NAMED_INITIALIZERS[className ?? ''] ?? 'glorotUniform';
}

function regularizerOf(value: unknown): Regularizer {
  const config = ((value ?? {}) as { config?: Config }).config ?? {};
  const weight = (key: string) => (typeof config[key] === 'number' ? config[key] : 0);
  return { l1: weight('l1'), l2: weight('l2') };
}

function numberOf(layer: string, config: Config, field: string, fallback?: number): number {
  const value = config[field] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ImportError(`Layer '${layer}' has no usable ${field}.`);
  }
  return value;
}

function windowOf(layer: string, config: Config) {
  return {
    kernelSize: square(layer, 'kernel_size', config.kernel_size),
    strides: square(layer, 'strides', config.strides ?? 1),
    padding: paddingOf(layer, config.padding ?? 'valid'),
    dilation: square(layer, 'dilation_rate', config.dilation_rate ?? 1),
  };
}

function poolOf(layer: string, config: Config) {
  const poolSize = square(layer, 'pool_size', config.pool_size ?? 2);
  const strides = square(layer, 'strides', config.strides ?? poolSize);
  return { poolSize, strides, padding: paddingOf(layer, config.padding ?? 'valid') };
}

function checkChannelsLast(layer: string, config: Config): void {
  const format = config.data_format;
  if (format !== undefined && format !== null && format !== 'channels_last') {
    throw new ImportError(`Layer '${layer}' is channels-first; the studio works channels-last.`);
  }
}

/** Reads one non-input layer, or explains why the builder cannot show it. */
export function importLayer(layer: string, className: string, config: Config): Imported {
  checkChannelsLast(layer, config);
  const useBias = config.use_bias !== false;
  switch (className) {
    case 'Conv2D':
      return {
        kind: 'conv2d',
        config: {
          ...windowOf(layer, config),
          filters: numberOf(layer, config, 'filters'),
          activation: activationOf(layer, config.activation),
          useBias,
          kernelInitializer: initializerOf(config.kernel_initializer),
          kernelRegularizer: regularizerOf(config.kernel_regularizer),
        },
      };
    case 'DepthwiseConv2D':
      return {
        kind: 'depthwiseConv2d',
        config: {
          ...windowOf(layer, config),
          depthMultiplier: numberOf(layer, config, 'depth_multiplier', 1),
          activation: activationOf(layer, config.activation),
          useBias,
          kernelInitializer: initializerOf(config.depthwise_initializer),
          kernelRegularizer: regularizerOf(config.depthwise_regularizer),
        },
      };
    case 'LayerwiseDilatedDepthwiseConv2D':
      // The studio's own layer: tfjs saved its settings under snake_case builder names.
      return {
        kind: 'depthwiseConv2d',
        config: {
          ...windowOf(layer, { ...config, dilation_rate: config.dilation }),
          depthMultiplier: numberOf(layer, config, 'depth_multiplier', 1),
          activation: activationOf(layer, config.activation),
          useBias,
          kernelInitializer: INITIALIZER_NAMES.has(String(config.initializer))
            ? (config.initializer as InitializerName)
            : 'glorotUniform',
          kernelRegularizer: {
            l1: numberOf(layer, config, 'l1', 0),
            l2: numberOf(layer, config, 'l2', 0),
          },
        },
      };
    case 'SeparableConv2D':
      return {
        kind: 'separableConv2d',
        config: {
          ...windowOf(layer, config),
          filters: numberOf(layer, config, 'filters'),
          depthMultiplier: numberOf(layer, config, 'depth_multiplier', 1),
          activation: activationOf(layer, config.activation),
          useBias,
          kernelInitializer: initializerOf(config.depthwise_initializer),
          kernelRegularizer: regularizerOf(config.depthwise_regularizer),
        },
      };
    case 'MaxPooling2D':
      return { kind: 'maxPool2d', config: poolOf(layer, config) };
    case 'AveragePooling2D':
      return { kind: 'avgPool2d', config: poolOf(layer, config) };
    case 'GlobalAveragePooling2D':
      return { kind: 'globalAvgPool2d', config: {} };
    case 'GlobalMaxPooling2D':
      return { kind: 'globalMaxPool2d', config: {} };
    case 'BatchNormalization': {
      const axis = config.axis ?? -1;
      if (axis !== -1 && axis !== 3 && !(Array.isArray(axis) && axis[0] === 3)) {
        throw new ImportError(
          `Layer '${layer}' normalises axis ${JSON.stringify(axis)}, not channels.`,
        );
      }
      return {
        kind: 'batchNorm',
        config: {
          momentum: numberOf(layer, config, 'momentum', 0.99),
          epsilon: numberOf(layer, config, 'epsilon', 0.001),
        },
      };
    }
    case 'Dropout': {
      const rate = numberOf(layer, config, 'rate');
      const noise = config.noise_shape;
      // The studio's SpatialDropout2D is a dropout with one mask value per channel.
      const spatial = Array.isArray(noise) && noise[1] === 1 && noise[2] === 1;
      return spatial
        ? { kind: 'spatialDropout2d', config: { rate } }
        : { kind: 'dropout', config: { rate } };
    }
    case 'SpatialDropout2D':
      return { kind: 'spatialDropout2d', config: { rate: numberOf(layer, config, 'rate') } };
    case 'Flatten':
      return { kind: 'flatten', config: {} };
    case 'Dense':
      return {
        kind: 'dense',
        config: {
          units: numberOf(layer, config, 'units'),
          activation: activationOf(layer, config.activation),
          useBias,
          kernelInitializer: initializerOf(config.kernel_initializer),
          kernelRegularizer: regularizerOf(config.kernel_regularizer),
        },
      };
    case 'Activation':
      return {
        kind: 'activation',
        config: { activation: activationOf(layer, config.activation), alpha: UNUSED_ALPHA },
      };
    case 'ReLU':
      if (config.max_value !== undefined && config.max_value !== null && config.max_value !== 6) {
        throw new ImportError(
          `Layer '${layer}' is a ReLU capped at ${JSON.stringify(config.max_value)}; only 6 is supported.`,
        );
      }
      return {
        kind: 'activation',
        config: { activation: config.max_value === 6 ? 'relu6' : 'relu', alpha: UNUSED_ALPHA },
      };
    case 'Softmax':
      return { kind: 'activation', config: { activation: 'softmax', alpha: UNUSED_ALPHA } };
    case 'LeakyReLU':
      return {
        kind: 'activation',
        config: {
          activation: 'leakyRelu',
          alpha: numberOf(
            layer,
            config,
            config.negative_slope === undefined ? 'alpha' : 'negative_slope',
            0.3,
          ),
        },
      };
    case 'ELU':
    case 'LayerwiseScaledELU':
      return {
        kind: 'activation',
        config: { activation: 'elu', alpha: numberOf(layer, config, 'alpha', 1) },
      };
    case 'Add':
      return { kind: 'add', config: {} };
    case 'Concatenate': {
      const axis = config.axis ?? -1;
      if (axis !== -1 && axis !== 3) {
        throw new ImportError(
          `Layer '${layer}' joins along axis ${JSON.stringify(axis)}; only channels are supported.`,
        );
      }
      return { kind: 'concatenate', config: {} };
    }
    case 'Rescaling':
      return {
        kind: 'rescaling',
        config: {
          scale: numberOf(layer, config, 'scale'),
          offset: numberOf(layer, config, 'offset', 0),
        },
      };
    case 'ZeroPadding2D':
      return { kind: 'zeroPadding2d', config: paddingSides(layer, config.padding) };
    default:
      throw new ImportError(`Layer '${layer}' is a ${className}, which the builder does not have.`);
  }
}

/** ZeroPadding2D's padding, given as one number, [rows, cols] or [[top, bottom], [left, right]]. */
function paddingSides(layer: string, value: unknown): LayerConfigs['zeroPadding2d'] {
  const whole = (n: unknown) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new ImportError(`Layer '${layer}' has padding ${JSON.stringify(value)}.`);
    }
    return n;
  };
  if (typeof value === 'number') {
    const n = whole(value);
    return { top: n, bottom: n, left: n, right: n };
  }
  const [rows, cols] = Array.isArray(value) ? (value as unknown[]) : [];
  const pair = (part: unknown) =>
    Array.isArray(part) ? [whole(part[0]), whole(part[1])] : [whole(part), whole(part)];
  const [top, bottom] = pair(rows);
  const [left, right] = pair(cols);
  return { top: top!, bottom: bottom!, left: left!, right: right! };
}

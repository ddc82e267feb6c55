import * as tf from '@tensorflow/tfjs';

/**
 * How many execution orders tfjs-layers keeps. It remembers the order it ran each model's
 * layers in, keyed by the names of the tensors asked for, in one cache shared by every model
 * (100 entries by default). Each entry holds its model's graph of layers, and the studio
 * builds a new network for every run, so up to 100 old networks stayed in the worker's
 * memory. A few entries cover the current network's predictions, probes and ensembles;
 * recomputing an order that was pushed out is cheap.
 */
export const LAYERS_ORDER_CACHE = 8;

/** Shortens tfjs-layers' cache of execution orders to `LAYERS_ORDER_CACHE` entries. */
export function limitLayersOrderCache(entries = LAYERS_ORDER_CACHE): void {
  tf.env().set('TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES', entries);
}

import * as tf from '@tensorflow/tfjs';
import type { ModelSpec, NodeId, PretrainedFacts, PretrainedSource } from '../../shared/model-spec';
import { policyRefusal } from '../../shared/content-policy';
import { factsOf } from './base-facts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The key a base's files are kept under. */
function keyOf(source: PretrainedSource): string {
  return source.kind === 'url' ? `url:${source.url}` : `files:${source.id}`;
}

function describe(source: PretrainedSource): string {
  return source.kind === 'url' ? source.url : source.name;
}

/** Refuses what tfjs could load but the studio cannot cut and train: graph models. */
function checkLayersModel(artifacts: tf.io.ModelArtifacts, from: string): tf.io.ModelArtifacts {
  const topology = artifacts.modelTopology as Record<string, unknown> | undefined;
  if (artifacts.format === 'graph-model' || (topology && 'node' in topology)) {
    throw new Error(
      `${from} is a graph model: a Pretrained base needs a tfjs layers model (format 'layers-model'), whose layers can be cut and trained.`,
    );
  }
  if (
    !topology ||
    !('model_config' in topology || 'config' in topology || 'class_name' in topology)
  ) {
    throw new Error(`${from} is not a tfjs layers model: its model.json has no model topology.`);
  }
  return artifacts;
}

/**
 * Fetches and keeps the files of pretrained bases (a URL's once, given files by their id), and
 * makes a fresh tfjs model from them for every network built: training changes the layers a
 * network owns, so no two networks share a base's weights. Only bytes are kept, no tensors.
 */
export class BaseLoader {
  private readonly files = new Map<string, Promise<tf.io.ModelArtifacts>>();

  /** Keeps files the user gave under `source.id`, replacing any kept before. */
  give(
    source: Extract<PretrainedSource, { kind: 'files' }>,
    modelJson: Record<string, unknown>,
    weights: ArrayBuffer,
  ): void {
    const manifest = (modelJson.weightsManifest ?? []) as tf.io.WeightsManifestConfig;
    const artifacts: tf.io.ModelArtifacts = {
      format: modelJson.format as string | undefined,
      modelTopology: modelJson.modelTopology as object,
      weightSpecs: manifest.flatMap((group) => group.weights),
      weightData: weights,
    };
    checkLayersModel(artifacts, source.name);
    this.files.set(keyOf(source), Promise.resolve(artifacts));
  }

  /** Reads a base and reports what analysis needs; a failed read keeps nothing. */
  async load(source: PretrainedSource): Promise<PretrainedFacts> {
    const model = await this.fresh(source);
    try {
      return factsOf(model);
    } finally {
      model.dispose();
    }
  }

  /** A fresh model for every Pretrained base of `spec`, by node id; the caller owns them. */
  async instantiate(spec: ModelSpec): Promise<Map<NodeId, tf.LayersModel>> {
    const bases = new Map<NodeId, tf.LayersModel>();
    try {
      for (const node of spec.nodes) {
        if (node.kind !== 'pretrainedBase') continue;
        bases.set(node.id, await this.fresh(node.config.source));
      }
      return bases;
    } catch (error) {
      for (const base of bases.values()) base.dispose();
      throw error;
    }
  }

  private async fresh(source: PretrainedSource): Promise<tf.LayersModel> {
    const artifacts = await this.artifacts(source);
    try {
      return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    } catch (error) {
      throw new Error(`The base ${describe(source)} could not be loaded: ${messageOf(error)}`);
    }
  }

  private artifacts(source: PretrainedSource): Promise<tf.io.ModelArtifacts> {
    const key = keyOf(source);
    const kept = this.files.get(key);
    if (kept) return kept;
    if (source.kind === 'files') {
      return Promise.reject(
        new Error(
          `The files of the base ${source.name} are no longer loaded: give them again in the Inspector.`,
        ),
      );
    }
    const loading = this.fetch(source.url);
    this.files.set(key, loading);
    // A failed fetch is forgotten, so the next attempt reads the URL again.
    void loading.catch(() => this.files.delete(key));
    return loading;
  }

  private async fetch(url: string): Promise<tf.io.ModelArtifacts> {
    if (!/^(https?:|blob:|data:)|^\.{0,2}\//.test(url)) {
      throw new Error(`'${url}' is not a web address: give the URL of a model.json.`);
    }
    const refusal = policyRefusal(url);
    if (refusal) throw new Error(refusal);
    let artifacts: tf.io.ModelArtifacts | undefined;
    try {
      artifacts = await tf.io.http(url).load?.();
    } catch (error) {
      throw new Error(`The base at ${url} could not be read: ${messageOf(error)}`);
    }
    if (!artifacts) throw new Error(`The base at ${url} could not be read.`);
    return checkLayersModel(artifacts, url);
  }
}

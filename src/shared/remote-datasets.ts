import type { RemoteDataset } from './dataset';

const FASHION_MNIST_BASE =
  'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/';

/**
 * Datasets the Data panel offers for download, with their public URLs. The URLs are only the
 * starting values of editable fields: a classroom without internet can point them at a mirror.
 */
export const REMOTE_DATASETS: readonly RemoteDataset[] = [
  {
    id: 'fashion-mnist',
    name: 'Fashion-MNIST',
    urls: [
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ].map((file) => FASHION_MNIST_BASE + file),
  },
  {
    id: 'cifar-10',
    name: 'CIFAR-10',
    urls: ['https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz'],
  },
];

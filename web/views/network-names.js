// The names the network diagram gives its layers and neurons, in the translator's language. Units
// are numbered from 0, as PyTorch indexes a layer's weight rows and as data-neuron="L:U" does.

/** "inputs", "hidden layer 2", "outputs". */
export function layerName(t, net, l) {
  if (l === 0) return t('netInputs');
  return l === net.sizes.length - 1 ? t('netOutputs') : t('netHidden', { n: l });
}

/** "input x1", "hidden layer 1, unit 7", "output 2 (class 2)", "output (p of class 1)", "output (value)". */
export function neuronName(t, net, key) {
  const [l, u] = key.split(':').map(Number);
  if (!net) return key;
  if (l === 0) return t('netInput', { name: net.inputs[u] ?? `x${u + 1}` });
  if (l < net.sizes.length - 1) return t('netUnit', { layer: l, unit: u });
  if (net.task === 'regression') return t('netOutputValue');
  return net.sizes[l] === 1 ? t('netOutputBinary') : t('netOutput', { k: u });
}

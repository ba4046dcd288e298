// The step inspector's lesson ("One step under the microscope") gives the learner a short
// PyTorch script: the experiment's data, model and optimizer as "Export as PyTorch" writes them
// (pytorch-export.js), then the tutorial's five lines on one full batch, each followed by a print
// of what it produced. PyTorch prints the numbers the inspector shows for the first step;
// tests/node/lesson-microscope.test.mjs runs it with python3-torch and compares them.
// Pure function of a normalized spec (nn.normalize); no DOM.
import { IMPORTS, LOSSES, dataLines, modelLines, optimizerLine } from './pytorch-export.js';

/** The script for a normalized spec; `sample` is the training row whose forward values it prints. */
export function microscopeSnippet(spec, { sample = 0 } = {}) {
  const act = spec.model.activation;
  const hidden = spec.model.hidden.length;
  return [
    '"""One training step under the microscope: the five lines, and what each one produced."""',
    ...IMPORTS,
    `SEED = ${spec.seed}`,
    ...dataLines(spec.data),
    '',
    ...modelLines(spec.model, spec.loss),
    '',
    '',
    ...LOSSES[spec.loss],
    '',
    '',
    optimizerLine(spec.optimizer),
    '',
    'x, y = splits["train"]  # the whole training split: one full batch',
    `i = ${sample}  # the sample whose values are printed`,
    'y_pred = model(x)',
    'print("x[i] =", x[i:i + 1])',
    ...Array.from({ length: hidden }, (_, l) => [
      `print("z${l + 1} =", model[:${2 * l + 1}](x[i:i + 1]))`,
      `print("a${l + 1} = ${act}(z${l + 1}) =", model[:${2 * l + 2}](x[i:i + 1]))`]).flat(),
    'print("y_pred[i] =", y_pred[i:i + 1])',
    'loss = loss_fn(y_pred, y)',
    'print("loss =", loss)',
    'optimizer.zero_grad()',
    'loss.backward()',
    'for name, p in model.named_parameters():',
    '    print(f"{name}.grad =", p.grad)',
    'optimizer.step()',
    'for name, p in model.named_parameters():',
    '    print(f"{name} =", p.data)',
    '',
  ].join('\n');
}

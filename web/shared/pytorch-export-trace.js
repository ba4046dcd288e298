// "Export as PyTorch" for a spec with a `trace` (docs/spec.md, "The `trace` line"): the script
// prints, for each named optimizer step, what PyTorch holds around the tutorial's five lines.
// A spec without a trace gets the plain loop, so its export stays exactly as it was.

/** The training step, inside `for index in batches():` (8 spaces deep). */
export function stepLines(trace, penalized) {
  const backward = penalized ? '(loss + penalty()).backward()  # the objective: data loss + penalty' : 'loss.backward()';
  if (!trace?.length) {
    return ['        optimizer.zero_grad()',
      '        loss = loss_fn(model(x_train[index]), y_train[index])',
      '        if not math.isfinite(loss.item()):',
      '            status = "diverged"  # a NaN or infinite loss: stop before the update',
      '            break',
      `        ${backward}`,
      '        optimizer.step()'];
  }
  return ['        x, y = x_train[index], y_train[index]',
    '        traced = step in TRACE',
    '        if traced:',
    '            params = layer_tensors(lambda t: t.detach())  # before the step',
    '        optimizer.zero_grad()',
    '        y_pred = model(x)',
    '        loss = loss_fn(y_pred, y)',
    '        if not math.isfinite(loss.item()):',
    '            status = "diverged"  # a NaN or infinite loss: stop before the update (and print no trace)',
    '            break',
    ...(penalized ? ['        extra = penalty()  # under the parameters before the step'] : []),
    `        ${penalized ? '(loss + extra).backward()  # .grad includes the penalty\'s' : 'loss.backward()'}`,
    '        if traced:',
    '            grad = layer_tensors(lambda t: t.grad)  # dL/dparameter (weight_decay is added inside step())',
    '        optimizer.step()',
    '        if traced:',
    '            line = trace_line(epoch - 1, index, x, loss, params, grad)',
    ...(penalized ? ['            line["trace"]["penalty"] = f32(float(extra))  # l1 * sum |W| + l2 * sum W^2'] : []),
    '            print(json.dumps(line))'];
}

/** What the traced step reads: parameters, optimizer.state, and the batch's first sample per layer. */
export function traceHelperLines(trace) {
  if (!trace?.length) return [];
  return ['# ---- the step trace: one optimizer step under the microscope -----------------------------------',
    `TRACE = ${JSON.stringify(trace)}  # the 0-based optimizer steps (counted across epochs) to print in full`,
    '',
    '',
    'def listed(t):  # a tensor as (nested) lists of float32 numbers',
    '    return [listed(row) for row in t] if t.dim() > 1 else [f32(v) for v in t]',
    '',
    '',
    'def layer_tensors(tensor_of):  # per nn.Linear: tensor_of(weight), tensor_of(bias)',
    '    return [{"weight": listed(tensor_of(layer.weight)), "bias": listed(tensor_of(layer.bias))} for layer in linears]',
    '',
    '',
    "def state_of(p):  # optimizer.state[p] after step(), under PyTorch 1.13's names; None entries left out",
    '    return {key: float(value) if key == "step" else listed(value)',
    '            for key, value in optimizer.state[p].items() if value is not None}',
    '',
    '',
    "# Forward hooks keep each module's output of the last model(x): every Linear's z, every activation's a.",
    'outputs = {}',
    '',
    '',
    'def keep_output(module, inputs, output):',
    '    if output.requires_grad:',
    '        output.retain_grad()  # so that z.grad = dL/dz is kept after loss.backward()',
    '    outputs[module] = output',
    '',
    '',
    'for module in model:',
    '    module.register_forward_hook(keep_output)',
    '',
    '',
    'def sample_layers():  # the batch\'s first sample, per Linear: z, a (after the activation; a = z last), dz',
    '    modules = list(model)',
    '    layers = []',
    '    for i, module in enumerate(modules):',
    '        if isinstance(module, nn.Linear):',
    '            z = outputs[module]',
    '            a = outputs[modules[i + 1]] if i + 1 < len(modules) else z',
    '            layers.append({"z": listed(z[0].detach()), "a": listed(a[0].detach()), "dz": listed(z.grad[0])})',
    '    return layers',
    '',
    '',
    'def trace_line(epoch, index, x, loss, params, grad):  # right after optimizer.step()',
    '    batch = index.tolist()',
    '    return {"trace": {',
    '        "step": step, "epoch": epoch, "batch": batch, "loss": f32(loss.item()),',
    '        "params": params, "grad": grad,',
    '        "state": [{"weight": state_of(layer.weight), "bias": state_of(layer.bias)} for layer in linears],',
    '        "after": layer_tensors(lambda t: t.detach()),',
    '        "sample": {"index": batch[0], "x": listed(x[0]), "layers": sample_layers()}}}',
    '',
    ''];
}

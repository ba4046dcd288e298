// The lesson views by name (web/lessons/catalog.js names a lesson's view). Each view is built as
// new View(host, { t, lesson, options, request, pause }) into an empty element (request(question): the
// run's worker request, e.g. a weight edited in a network diagram or a traced step; pause(): pauses
// the run) and shows what the worker sends:
// data(data) once per run (the dataset, or null), frame(snapshot) per frame (web/lessons/group.js),
// destroy() when the lesson closes or starts again.
import { BatchView } from './batch.js';
import { MicroscopeView } from './microscope.js';
import { RaceView } from './race.js';
import { SigmoidView } from './sigmoid.js';
import { SoftmaxView } from './softmax.js';
import { WineView } from './wine.js';

export const VIEWS = { sigmoid: SigmoidView, softmax: SoftmaxView, wine: WineView, batch: BatchView, race: RaceView, microscope: MicroscopeView };

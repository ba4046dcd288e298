// The lesson views by name (web/lessons/catalog.js names a lesson's view). Each view is built as
// new View(host, { t, lesson, options, ask, pause }) into an empty element (ask: a request to the
// lesson's worker run, pause: pauses it) and shows what the worker sends:
// data(data) once per run (the dataset, or null), frame(snapshot) per frame (web/lessons/group.js),
// destroy() when the lesson closes or starts again.
import { BatchView } from './batch.js';
import { MicroscopeView } from './microscope.js';
import { RaceView } from './race.js';
import { SigmoidView } from './sigmoid.js';
import { SoftmaxView } from './softmax.js';
import { WineView } from './wine.js';

export const VIEWS = { sigmoid: SigmoidView, softmax: SoftmaxView, wine: WineView, batch: BatchView, race: RaceView, microscope: MicroscopeView };

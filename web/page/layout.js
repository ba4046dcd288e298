// The playground's markup: the toolbar, the banner and notices, the two panels and the settings
// column, and one panel's inside. Static text only (no data goes into it); the strings come from
// data-i18n attributes (strings.js), the controls from controls.js. The ids are the playground's
// own: a page has one playground in its document, an element or an embed has it in a shadow root
// or a document of its own, and every lookup goes through the root (root.querySelector('#play')).

const PLAYGROUND = `
<div class="toolbar" role="toolbar" data-i18n-label="toolbar" data-part="toolbar">
  <button id="play" type="button" class="primary"><span class="icon" aria-hidden="true"></span><span class="label" data-i18n="play"></span></button>
  <button id="step" type="button" data-i18n-title="stepHint"><span class="icon" aria-hidden="true"></span><span data-i18n="step"></span></button>
  <button id="reset" type="button" data-i18n-title="resetHint"><span class="icon" aria-hidden="true"></span><span data-i18n="reset"></span></button>
  <div class="toolbar-group" data-group="toolbar"></div>
  <p id="status" class="status" data-i18n="status_loading"></p>
  <div class="toolbar-group share" data-group="share"></div>
</div>

<div id="banner" class="banner" role="alert" hidden>
  <div class="banner-text">
    <p id="banner-text"></p>
  </div>
  <button id="banner-reset" type="button" data-i18n="reset"></button>
</div>
<div id="notice" class="notice" role="status" aria-live="polite"></div>

<main class="layout">
  <div class="stage">
    <div class="legend" data-part="legend">
      <div data-group="legend"></div>
      <div class="legend-classes">
        <span class="legend-title" data-i18n="legendClasses"></span>
        <span id="legend-swatches"></span>
      </div>
      <p class="legend-background" data-i18n="legendBackground"></p>
    </div>
    <div class="panels">
      <section class="panel" data-panel="a" data-part="a"></section>
      <section class="panel" data-panel="b" data-part="b"></section>
    </div>
  </div>

  <aside class="settings">
    <fieldset class="box" data-group="data" data-controls="data">
      <legend data-i18n="dataTitle"></legend>
    </fieldset>
    <fieldset class="box" data-group="training" data-controls="training">
      <legend data-i18n="trainingTitle"></legend>
    </fieldset>
    <fieldset class="box takehome" data-controls="takehome">
      <legend data-i18n="takeHomeTitle"></legend>
    </fieldset>
    <details class="box spec" data-part="spec">
      <summary data-i18n="specTitle"></summary>
      <pre id="spec"></pre>
    </details>
  </aside>
</main>`;

const PANEL = `
<header class="panel-head">
  <h2 data-field="title"></h2>
  <p class="arch" data-field="arch"></p>
  <p class="status-badge" data-field="status"></p>
</header>
<p class="explain" data-field="explain"></p>
<div class="panel-body">
<div class="panel-main">
<div class="plot" tabindex="0">
  <canvas class="heatmap" width="100" height="100"></canvas>
  <canvas class="highlight" width="1" height="1"></canvas>
  <canvas class="points"></canvas>
  <canvas class="probe"></canvas>
  <p class="no-plane" data-field="no-plane" hidden></p>
</div>
<div class="readout" aria-live="polite" data-part="readout"></div>
<div class="inside-host"></div>
<div class="inside-detail"></div>
</div>
<div class="panel-numbers">
<dl class="counters" data-part="metrics">
  <div><dt data-i18n="epoch"></dt><dd data-field="epoch">0</dd></div>
  <div><dt data-i18n="updates"></dt><dd data-field="updates">0</dd></div>
  <div><dt data-i18n="epochsPerSecond"></dt><dd data-field="rate"></dd></div>
</dl>
<div class="table-scroll-x metrics-scroll" data-part="metrics" role="region" data-i18n-label="metricsRegion">
<table class="metrics">
  <thead><tr><td></td><th scope="col" class="cls" data-i18n="accuracy"></th><th scope="col" data-i18n="lossRow"></th><th scope="col" class="reg" data-i18n="mae"></th><th scope="col" class="reg" data-i18n="rmse"></th><th scope="col" class="reg" data-i18n="r2"></th></tr></thead>
  <tbody>
    <tr><th scope="row" data-i18n="split_train"></th><td class="cls" data-field="train-accuracy"></td><td data-field="train-loss"></td><td class="reg" data-field="train-mae"></td><td class="reg" data-field="train-rmse"></td><td class="reg" data-field="train-r2"></td></tr>
    <tr class="val"><th scope="row" data-i18n="split_val"></th><td class="cls" data-field="val-accuracy"></td><td data-field="val-loss"></td><td class="reg" data-field="val-mae"></td><td class="reg" data-field="val-rmse"></td><td class="reg" data-field="val-r2"></td></tr>
    <tr><th scope="row" data-i18n="split_test"></th><td class="cls" data-field="test-accuracy"></td><td data-field="test-loss"></td><td class="reg" data-field="test-mae"></td><td class="reg" data-field="test-rmse"></td><td class="reg" data-field="test-r2"></td></tr>
  </tbody>
</table>
</div>
<p class="weight-stats" data-part="metrics" data-field="weights"></p>
<figure class="chart" data-part="chart">
  <figcaption><span data-i18n="chartTitle"></span>
    <span class="key"><span class="line train"></span><span data-i18n="trainLoss"></span></span>
    <span class="key"><span class="line val"></span><span data-i18n="valLoss"></span></span>
  </figcaption>
  <div class="chart-box"></div>
</figure>
<fieldset class="model-controls" data-controls="model"><legend data-i18n="modelTitle"></legend></fieldset>
</div>
</div>
<div class="inspect-bar"><button type="button" class="inspect-open" aria-expanded="false"></button></div>
<section class="inspector" hidden></section>
<figure class="confusion" data-part="confusion">
  <figcaption data-field="confusion-title"></figcaption>
  <div class="table-scroll-x confusion-scroll" role="region" data-i18n-label="confusionRegion">
  <table data-field="confusion"></table>
  </div>
  <p class="hint" data-i18n="confusionHint"></p>
</figure>`;

/** Constant markup as a fragment of `doc` (DOMParser: inert, nothing in it runs). */
function fragmentOf(markup, doc) {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const fragment = doc.createDocumentFragment();
  fragment.append(...Array.from(parsed.body.childNodes, (node) => doc.importNode(node, true)));
  return fragment;
}

/** The playground's markup, to append to its root element. */
export const playgroundMarkup = (doc = document) => fragmentOf(PLAYGROUND, doc);

/** One model panel's inside. */
export const panelMarkup = (doc = document) => fragmentOf(PANEL, doc);

/*
 * Carte ESS: helper script for pages that embed the map (docs/embed.md).
 *
 *   <iframe src="https://carte.example.org/?embed=1" title="…"></iframe>
 *   <script src="https://carte.example.org/embed.js" async></script>
 *
 * It listens to the `carte-ess:height` messages the embedded maps post and sets the height of
 * the iframe that sent each one, so the map's controls and list show without an inner scrollbar.
 * A message is obeyed only if it comes from an iframe of this page whose own address has the
 * same origin as the message: another frame cannot resize someone else's iframe.
 * No dependency, no global variable except `CarteEss` (for tests and manual calls).
 */
(function () {
  'use strict';
  if (window.CarteEss && window.CarteEss.installed) return;

  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 5000;

  function originOf(address) {
    try {
      return new URL(address, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var index = 0; index < frames.length; index += 1) {
      if (frames[index].contentWindow === source) return frames[index];
    }
    return null;
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'carte-ess' || data.type !== 'carte-ess:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frame = frameOf(event.source);
    if (!frame || originOf(frame.src) !== event.origin) return;
    if (frame.hasAttribute('data-carte-ess-fixed-height')) return;
    var clamped = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
    frame.style.height = clamped + 'px';
    frame.setAttribute('height', String(clamped));
  }

  window.addEventListener('message', onMessage);
  window.CarteEss = { installed: true, version: 1 };
})();

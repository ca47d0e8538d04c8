// The partner's own script: loads the helper script from the map's origin, listens to the map
// and sends it filters. `?carte=URL` points the demo at another copy of the map.
(function () {
  'use strict';
  var frame = document.getElementById('carte');
  var requested = new URLSearchParams(location.search).get('carte');
  if (requested && /^https?:\/\//.test(requested)) {
    var target = new URL(frame.getAttribute('src'));
    var base = new URL(requested);
    base.search = target.search;
    frame.src = base.toString();
  }
  var mapOrigin = new URL(frame.src).origin;

  var helper = document.createElement('script');
  helper.src = mapOrigin + '/embed.js';
  helper.async = true;
  document.body.appendChild(helper);

  var log = document.getElementById('log');
  var lastCount = document.getElementById('last-count');
  window.addEventListener('message', function (event) {
    if (event.origin !== mapOrigin || !event.data || event.data.source !== 'carte-ess') return;
    var item = document.createElement('li');
    // textContent only: a message is data, never markup.
    item.textContent = event.data.type + ' ' + JSON.stringify(event.data);
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 20) log.removeChild(log.lastChild);
    if (event.data.type === 'carte-ess:filters') {
      lastCount.textContent = 'La carte affiche ' + event.data.count + ' initiative' + (event.data.count > 1 ? 's' : '') + '.';
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll('button[data-themes]'), function (button) {
    button.addEventListener('click', function () {
      var themes = button.getAttribute('data-themes');
      frame.contentWindow.postMessage(
        { source: 'carte-ess', type: 'carte-ess:set-filters', filters: { themes: themes ? themes.split(',') : [] } },
        mapOrigin,
      );
    });
  });
})();

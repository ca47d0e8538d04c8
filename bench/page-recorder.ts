/**
 * What the page records for the benchmark, from before its own scripts run: every change of
 * the count, of the map's data-map-status, of the number of results in the list and of the
 * items drawn on the cluster canvas, each with its performance.now() time.
 */

/**
 * Runs in the page before its own scripts. Plain JavaScript in a string: a function passed
 * through tsx would carry its helper calls (`__name`) that do not exist in the page.
 */
export const RECORDER_SCRIPT = `(() => {
  const recorder = { counts: [], statuses: [], listItems: [], drawnItems: [] };
  window.__benchRecorder = recorder;
  let lastCount;
  let lastStatus;
  let lastListItems;
  let lastDrawnItems;
  const readCount = () => {
    for (const element of document.querySelectorAll('[role="status"]')) {
      const text = element.textContent || '';
      if (!/initiative/i.test(text)) continue;
      const digits = text.replace(/[\\s\\u00a0\\u202f]/g, '').match(/\\d+/);
      if (digits) return Number(digits[0]);
    }
    return null;
  };
  const readStatus = () => {
    const map = document.querySelector('[data-testid="map"]');
    return map ? map.getAttribute('data-map-status') : null;
  };
  // Results rendered in the list (on a phone's map view the list is laid out but hidden).
  const readListItems = () => document.querySelectorAll('.results-items > li').length;
  const readDrawnItems = () => {
    const overlay = document.querySelector('[data-testid="cluster-overlay"]');
    const drawn = overlay ? overlay.getAttribute('data-drawn-items') : null;
    return drawn === null ? null : Number(drawn);
  };
  const pushStatus = (time, status) => {
    if (status === lastStatus) return;
    lastStatus = status;
    recorder.statuses.push([time, status]);
  };
  const observer = new MutationObserver((records) => {
    const time = performance.now();
    // Attribute records of one batch: each one's oldValue is the value the previous one set,
    // so intermediate values (busy then idle within one task) are not lost.
    const statusRecords = records.filter((record) => record.type === 'attributes' && record.attributeName === 'data-map-status');
    statusRecords.forEach((record, index) => {
      const next = statusRecords[index + 1];
      if (next) pushStatus(time, next.oldValue);
    });
    pushStatus(time, readStatus());
    const count = readCount();
    if (count !== lastCount) {
      lastCount = count;
      recorder.counts.push([time, count]);
    }
    const listItems = readListItems();
    if (listItems !== lastListItems) {
      lastListItems = listItems;
      recorder.listItems.push([time, listItems]);
    }
    const drawnItems = readDrawnItems();
    if (drawnItems !== lastDrawnItems) {
      lastDrawnItems = drawnItems;
      recorder.drawnItems.push([time, drawnItems]);
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-map-status', 'data-drawn-items'],
    attributeOldValue: true,
  });
})();`;

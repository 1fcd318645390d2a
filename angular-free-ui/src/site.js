// Progressive enhancements; every flow also works without JavaScript.
// A form with data-confirm asks before it submits (destructive actions).
document.addEventListener('submit', (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A button with data-print prints the page (the print stylesheet hides navigation and buttons).
document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest('[data-print]')) {
    window.print();
  }
});

// Charts: an element with data-chart holds an ECharts option (JSON); the page also carries the same data as a
// table, so without JavaScript (or for a screen reader) nothing is lost. A data point with "href" opens its records.
function drawCharts() {
  if (typeof window.echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach((element) => {
    const chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(element.dataset.chart));
    chart.on('click', (params) => {
      if (params.data && params.data.href) {
        window.location.href = params.data.href;
      }
    });
    window.addEventListener('resize', () => chart.resize());
  });
}
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', drawCharts);
} else {
  drawCharts();
}

// Draws every <canvas data-chart="{...}"> with Chart.js: the page writes the data as JSON in the attribute, so no
// inline script is needed. Kinds: "bar" (one value per label) and "line" (series by year; null leaves a gap).
(function () {
  'use strict';
  const colours = ['#0b5ed7', '#d63384', '#198754', '#fd7e14', '#6f42c1'];
  function draw(canvas) {
    const spec = JSON.parse(canvas.dataset.chart);
    const datasets = spec.datasets.map(function (d, i) {
      const colour = d.colour || colours[i % colours.length];
      return {
        label: d.label,
        data: d.data,
        borderColor: colour,
        backgroundColor: spec.type === 'bar' ? (d.colours || colour) : colour,
        borderDash: d.dashed ? [6, 4] : [],
        pointRadius: d.points === false ? 0 : 3,
        showLine: d.line !== false,
        spanGaps: false,
        fill: d.fillTo === undefined ? false : d.fillTo
      };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: spec.type === 'bar' } }
      }
    });
  }
  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();

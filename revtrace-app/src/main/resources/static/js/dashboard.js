// Dashboard charts: every <div class="chart" data-chart="{…}"> becomes an ECharts chart, on load
// and after each htmx swap. No inline scripts (the Content-Security-Policy forbids them); data
// arrive as JSON in data-chart, escaped by the server. Names from the data go through ECharts'
// own text rendering, never into HTML built here.
(function () {
  'use strict';

  var builders = {
    'chart-funnel': function (data) {
      return {
        tooltip: { trigger: 'item' },
        series: [{
          type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%',
          label: { show: true, position: 'inside' },
          data: data.stages.map(function (stage) {
            return { name: stage.name + (stage.conversion == null ? '' : ' · ' + stage.conversion + '%'),
                     value: stage.value };
          })
        }]
      };
    },
    'chart-cac-romi': function (data) {
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.cacName, data.romiName] },
        xAxis: { type: 'category', data: data.months },
        yAxis: [{ type: 'value', name: data.cacName }, { type: 'value', name: data.romiName }],
        series: [
          { name: data.cacName, type: 'bar', data: data.cac },
          { name: data.romiName, type: 'line', yAxisIndex: 1, data: data.romi, connectNulls: true }
        ]
      };
    },
    'chart-channels': function (data) {
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.revenueName, data.spendName] },
        grid: { left: 80, bottom: 90 },
        xAxis: { type: 'category', data: data.keys, axisLabel: { rotate: 35, interval: 0 } },
        yAxis: { type: 'value', name: data.currency },
        series: [
          { name: data.revenueName, type: 'bar', data: data.revenue },
          { name: data.spendName, type: 'bar', data: data.spend }
        ]
      };
    },
    'chart-cohorts': function (data) {
      return {
        tooltip: { position: 'top' },
        grid: { left: 90, bottom: 60 },
        xAxis: { type: 'category', data: data.ages, splitArea: { show: true } },
        yAxis: { type: 'category', data: data.cohorts, inverse: true, splitArea: { show: true } },
        visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ name: data.name, type: 'heatmap', data: data.cells, label: { show: false } }]
      };
    },
    'chart-models': function (data) {
      return {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll' },
        grid: { left: 60, bottom: 90, top: 60 },
        xAxis: { type: 'category', data: data.channels, axisLabel: { rotate: 35, interval: 0 } },
        yAxis: { type: 'value', name: '%' },
        series: data.series.map(function (series) {
          return { name: series.name, type: 'bar', data: series.data };
        })
      };
    }
  };

  function render(element) {
    var build = builders[element.id];
    if (!build || !window.echarts || !element.dataset.chart) {
      return;
    }
    var existing = window.echarts.getInstanceByDom(element);
    if (existing) {
      existing.dispose();
    }
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(build(JSON.parse(element.dataset.chart)));
    element.setAttribute('data-rendered', 'true');
  }

  function renderWithin(root) {
    if (root.matches && root.matches('.chart')) {
      render(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('.chart').forEach(render);
    }
  }

  document.addEventListener('DOMContentLoaded', function () { renderWithin(document); });
  document.addEventListener('htmx:load', function (event) { renderWithin(event.target); });

  // A bad filter answers 400 with the message in the report body: show it instead of ignoring it.
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart[data-rendered]').forEach(function (element) {
      var chart = window.echarts && window.echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    });
  });
})();

// The cumulative conversion chart of an experiment's results page, drawn with uPlot from the
// numbers the page's table shows. Lines differ by dash pattern and point shape as well as colour.
(function () {
  "use strict";

  var COLORS = ["#3b5bdb", "#e8590c", "#2b8a3e", "#ae3ec9", "#0c8599", "#c92a2a", "#5c940d", "#862e9c", "#1864ab", "#d9480f"];
  var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [6, 6], [1, 2], [10, 2], [4, 4, 1, 4], [14, 6], [3, 6]];

  function draw(element) {
    var days = element.getAttribute("data-days");
    var series = element.getAttribute("data-series");
    if (!days || !series || typeof uPlot === "undefined") {
      return;
    }
    var dayList = days.split(",");
    var x = dayList.map(function (day) { return Date.parse(day + "T00:00:00Z") / 1000; });
    var data = [x];
    var config = [{}];
    series.split(";").forEach(function (entry, index) {
      var parts = entry.split(":");
      var participants = parts[1].split(" ").map(Number);
      var converters = parts[2].split(" ").map(Number);
      data.push(participants.map(function (n, i) { return n > 0 ? (100 * converters[i]) / n : null; }));
      config.push({
        label: parts[0],
        stroke: COLORS[index % COLORS.length],
        dash: DASHES[index % DASHES.length],
        width: 2,
        points: { show: true, size: 7 + (index % 3) * 2 },
        value: function (u, v) { return v == null ? "–" : v.toFixed(2) + "%"; }
      });
    });
    new uPlot({
      width: Math.max(320, element.clientWidth),
      height: 280,
      series: config,
      axes: [{}, { values: function (u, ticks) { return ticks.map(function (t) { return t + "%"; }); } }],
      // One day alone would stretch the time axis over years: give it a day on either side.
      scales: { x: { time: true, range: x.length > 1 ? undefined : [x[0] - 86400, x[0] + 86400] } }
    }, data, element);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".timeseries[data-series]").forEach(draw);
  });
})();
